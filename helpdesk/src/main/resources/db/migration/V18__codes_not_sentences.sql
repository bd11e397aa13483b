-- The server stores codes and parameters, not English sentences (issue 13): the page words them in
-- the user's language. Rows written before this keep their text and are shown as written.

-- What the system recorded an interaction for (null when a person recorded it), with its
-- parameters; the call's queue, wait and talk seconds stay in their own columns.
alter table interaction
  add column event text check (event in
    ('ANSWERED', 'ABANDONED', 'UNANSWERED', 'IVR', 'FOLLOW_UP_DONE')),
  add column event_params jsonb;

-- A follow-up the system created (a callback) carries a kind and parameters instead of a title;
-- follow-ups people create keep their title.
alter table follow_up
  add column kind text check (kind in ('CALLBACK_MISSED_CALL', 'CALLBACK_IVR')),
  add column params jsonb,
  alter column title drop not null,
  add constraint follow_up_title_or_kind check (title is not null or kind is not null);

-- An IVR step's outcome is a code (CHOSE, ENTERED, TO_AGENT …) with its parameters.
alter table ivr_step add column params jsonb;
