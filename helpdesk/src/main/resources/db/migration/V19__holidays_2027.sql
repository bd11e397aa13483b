-- Taiwan's 2027 national holidays on the default calendar (observed weekdays), worked out from the
-- holiday rules (a holiday on a Saturday is observed the Friday before, on a Sunday the Monday
-- after; the lunar dates from the lunar calendar), including the days added in 2025 (Teachers' Day,
-- Retrocession Day, Constitution Day). Check them against the government's published calendar
-- (DGPA) when it appears and correct them on the administration page or with
-- PUT /api/v1/calendar/holidays/years/2027. Existing rows for these days are left as they are.
insert into holiday (calendar_id, day, name)
select c.id, h.day, h.name
  from business_calendar c,
       (values (date '2027-01-01', 'New Year''s Day'),
               (date '2027-02-05', 'Lunar New Year''s Eve'),
               (date '2027-02-08', 'Lunar New Year'),
               (date '2027-02-09', 'Lunar New Year (observed)'),
               (date '2027-02-10', 'Lunar New Year (observed)'),
               (date '2027-03-01', 'Peace Memorial Day (observed)'),
               (date '2027-04-05', 'Tomb Sweeping Day'),
               (date '2027-04-06', 'Children''s Day (observed)'),
               (date '2027-04-30', 'Labour Day (observed)'),
               (date '2027-06-09', 'Dragon Boat Festival'),
               (date '2027-09-15', 'Mid-Autumn Festival'),
               (date '2027-09-28', 'Teachers'' Day'),
               (date '2027-10-11', 'National Day (observed)'),
               (date '2027-10-25', 'Retrocession Day'),
               (date '2027-12-24', 'Constitution Day (observed)')) as h(day, name)
 where c.is_default
on conflict (calendar_id, day) do nothing;
