-- A team filter summed the per-agent rows ('A') of every member: over a year two thirds of the
-- agent rows, each with 57 histogram columns (2.7 s on the bench for team rb-front, goal 2 s).
-- Grain 'T' keeps the same sums per slot and team (queue '', tier '', agent_id 0, team = key):
-- a call answered by an agent counts for every team the agent belongs to NOW, as the raw rows
-- with `agent_id in (select user_id from team_member where team_key = :team)` count it. So when
-- membership changes, the member's share moves: the trigger below takes the agent's 'A' rows out
-- of the old team and adds them to the new one, in the transaction that changes the membership
-- (ADR 0023, amended).
alter table call_rollup drop constraint call_rollup_grain_check;
alter table call_rollup add constraint call_rollup_grain_check check (grain in ('Q', 'A', 'T'));
alter table call_rollup add column team text not null default '';
alter table call_rollup drop constraint call_rollup_pkey;
alter table call_rollup add primary key (grain, slot, agent_id, queue, tier, team, shard);
create index call_rollup_team on call_rollup (team, slot) where grain = 'T';

-- Adds (sign 1) or takes out (-1) one agent's share of the call rollup to or from one team's rows:
-- the agent's 'A' rows summed per slot. Every integer measure column of call_rollup is moved (read
-- from the catalogue, so a measure added later moves too).
create function call_rollup_team_share(p_agent bigint, p_team text, p_sign integer)
  returns void language plpgsql as $$
declare
  cols text;
  sums text;
  sets text;
begin
  select string_agg(format('%I', column_name), ', ' order by ordinal_position),
         string_agg(format('%s * sum(%I)', p_sign, column_name), ', ' order by ordinal_position),
         string_agg(format('%1$I = call_rollup.%1$I + excluded.%1$I', column_name), ', '
                    order by ordinal_position)
    into cols, sums, sets
    from information_schema.columns
   where table_schema = current_schema() and table_name = 'call_rollup'
     and data_type in ('integer', 'bigint') and column_name <> 'agent_id';
  execute format(
    'insert into call_rollup (grain, slot, queue, tier, agent_id, team, shard, %s)'
    || ' select ''T'', slot, '''', '''', 0, $1, 0, %s from call_rollup'
    || ' where grain = ''A'' and agent_id = $2 group by slot'
    || ' on conflict (grain, slot, agent_id, queue, tier, team, shard) do update set %s',
    cols, sums, sets)
  using p_team, p_agent;
end $$;

-- Membership changes move the member's share. The lock makes call writers that are adding a call
-- of this agent either finish first (their 'A' rows are then read here) or wait and read the new
-- membership when they add the call's team share (JdbiReportRollups.addCall).
create function call_rollup_team_member() returns trigger language plpgsql as $$
begin
  lock table call_rollup in share row exclusive mode;
  if tg_op in ('DELETE', 'UPDATE') then
    perform call_rollup_team_share(old.user_id, old.team_key, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform call_rollup_team_share(new.user_id, new.team_key, 1);
  end if;
  return null;
end $$;

create trigger team_member_call_rollup
  after insert or delete or update of team_key, user_id on team_member
  for each row execute function call_rollup_team_member();

-- The rows of the teams as they are now.
select call_rollup_team_share(user_id, team_key, 1) from team_member;
