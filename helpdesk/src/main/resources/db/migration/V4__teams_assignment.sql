-- Teams that tickets are routed to, their members with skills and capacity, and what automatic
-- assignment records on a ticket.
create table team (
  key               text primary key check (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name              text not null,
  -- How many open tickets a member holds at most unless their membership says otherwise.
  default_capacity  integer not null check (default_capacity between 1 and 1000),
  created_at        timestamptz not null,
  updated_at        timestamptz not null
);

create table team_member (
  team_key          text not null references team(key) on delete cascade,
  user_id           bigint not null references app_user(id) on delete cascade,
  skills            text[] not null default '{}',
  -- Null: the team's default capacity. Zero keeps a member in the team without new tickets.
  capacity          integer check (capacity between 0 and 1000),
  -- Presence is per person: every membership row of a user carries the same value.
  present           boolean not null,
  -- When the assigner last gave this member a ticket of this team (round robin among equals).
  last_assigned_at  timestamptz,
  primary key (team_key, user_id)
);
create index team_member_user on team_member (user_id);

-- Skills a ticket needs from its assignee, and why the assigner chose its assignee or left it
-- waiting in the team queue (null until the assigner looked at it, and after a hand edit).
alter table ticket
  add column required_skills text[] not null default '{}',
  add column assignment_reason text;
-- A team's queue: its open tickets without an assignee.
create index ticket_team_queue on ticket (team, created_at, id)
  where assignee_id is null and status in ('NEW', 'OPEN', 'PENDING_CUSTOMER');
-- A member's load: their open tickets.
create index ticket_assignee_open on ticket (assignee_id)
  where assignee_id is not null and status in ('NEW', 'OPEN', 'PENDING_CUSTOMER');

alter table ticket_audit drop constraint ticket_audit_field_check;
alter table ticket_audit add constraint ticket_audit_field_check check (field in
  ('CREATED', 'STATUS', 'RESOLUTION', 'ASSIGNEE', 'TEAM', 'PRIORITY', 'TITLE', 'DESCRIPTION',
   'TAGS', 'PRODUCT', 'PRODUCT_VERSION', 'PROMISED_BY', 'COMMENT', 'INTERACTION',
   'REQUIRED_SKILLS', 'ASSIGNMENT_REASON'));

-- The foreign key V3 left out because the ticket table did not exist yet. A follow-up pointing at
-- a ticket that does not exist keeps its customer and loses the dangling reference; one that had
-- nothing else to point at cannot be shown in any context and is removed.
update follow_up f set ticket_id = null
 where f.ticket_id is not null and f.customer_id is not null
   and not exists (select 1 from ticket t where t.id = f.ticket_id);
delete from follow_up f
 where f.ticket_id is not null and f.customer_id is null
   and not exists (select 1 from ticket t where t.id = f.ticket_id);
alter table follow_up
  add constraint follow_up_ticket_id_fkey foreign key (ticket_id) references ticket(id);
