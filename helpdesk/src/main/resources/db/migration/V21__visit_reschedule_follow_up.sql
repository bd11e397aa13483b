-- A caller who asks in the phone menu for their technician visit to be rescheduled raises a
-- follow-up for the dispatcher: a system follow-up of its own kind (issue 15, ADR 0025).
alter table follow_up drop constraint follow_up_kind_check;
alter table follow_up
  add constraint follow_up_kind_check
  check (kind in ('CALLBACK_MISSED_CALL', 'CALLBACK_IVR', 'VISIT_RESCHEDULE'));
