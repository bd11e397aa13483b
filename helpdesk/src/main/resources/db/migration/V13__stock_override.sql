-- An audited override may take stock below zero (issue 14): a dispatcher records parts used on an
-- order beyond what the system shows (the count was wrong, the technician had the part), with a
-- reason in the order's audit trail. Every other change still goes through the conditional
-- updates, which refuse to take more than is available, so only this path can go below zero.
alter table stock drop constraint stock_on_hand_check;
alter table stock drop constraint stock_check;
alter table stock_move drop constraint stock_move_kind_check;
alter table stock_move add constraint stock_move_kind_check
  check (kind in ('RECEIVE', 'TRANSFER', 'CONSUME', 'CONSUME_OVERRIDE'));
