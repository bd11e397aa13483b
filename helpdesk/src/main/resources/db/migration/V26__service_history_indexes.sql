-- Service history per customer and per unit (issue 15): a customer's or a unit's past orders, and
-- the parts consumed on them, are read by these columns, which had no index (the stock moves were
-- only ever read by part).
create index dispatch_order_customer on dispatch_order (customer_id, id);
create index dispatch_order_equipment on dispatch_order (equipment_id, id)
  where equipment_id is not null;
create index stock_move_order on stock_move (order_id, id) where order_id is not null;
