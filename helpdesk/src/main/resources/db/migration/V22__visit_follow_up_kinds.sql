-- The follow-ups the field work raises (satisfaction call after a visit, an order the technician
-- could not complete, a technician running late) carry a kind and parameters instead of English
-- sentences; the pages word them in the reader's language (ADR 0021). Existing rows keep their
-- titles.
alter table follow_up drop constraint follow_up_kind_check;
alter table follow_up
  add constraint follow_up_kind_check
  check (kind in ('CALLBACK_MISSED_CALL', 'CALLBACK_IVR', 'VISIT_RESCHEDULE', 'VISIT_SURVEY_CALL',
                  'VISIT_NOT_COMPLETED', 'VISIT_LATE'));
