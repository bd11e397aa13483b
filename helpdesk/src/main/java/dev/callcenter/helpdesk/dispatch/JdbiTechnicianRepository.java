package dev.callcenter.helpdesk.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link TechnicianRepository} on PostgreSQL through Jdbi. */
public final class JdbiTechnicianRepository implements TechnicianRepository {

  private final Jdbi jdbi;

  public JdbiTechnicianRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void save(long userId, String vanName, TechnicianProfile p, Instant at) {
    jdbi.useTransaction(
        h -> {
          Long van =
              h.createQuery("select van_location_id from technician where user_id = :id")
                  .bind("id", userId)
                  .mapTo(Long.class)
                  .findOne()
                  .orElse(null);
          if (van == null) {
            van =
                h.createUpdate(
                        "insert into stock_location (kind, name) values ('VAN', :name)"
                            + " on conflict (name) do update set kind = 'VAN' returning id")
                    .bind("name", vanName)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
          }
          h.createUpdate(
                  """
                  insert into technician (user_id, skills, home_lat, home_lon, time_zone,
                                          van_location_id, updated_at)
                  values (:id, :skills, :lat, :lon, :zone, :van, :at)
                  on conflict (user_id) do update set skills = excluded.skills,
                    home_lat = excluded.home_lat, home_lon = excluded.home_lon,
                    time_zone = excluded.time_zone, updated_at = excluded.updated_at
                  """)
              .bind("id", userId)
              .bind("skills", p.skills().toArray(String[]::new))
              .bind("lat", p.homeLat())
              .bind("lon", p.homeLon())
              .bind("zone", p.timeZone())
              .bind("van", van)
              .bind("at", at)
              .execute();
          h.createUpdate("delete from technician_hours where user_id = :id")
              .bind("id", userId)
              .execute();
          for (WorkingHours w : p.hours()) {
            h.createUpdate(
                    "insert into technician_hours (user_id, weekday, starts, ends)"
                        + " values (:id, :weekday, :starts, :ends)")
                .bind("id", userId)
                .bind("weekday", (short) w.weekday().getValue())
                .bind("starts", w.starts())
                .bind("ends", w.ends())
                .execute();
          }
        });
  }

  @Override
  public Optional<Technician> find(long userId) {
    return jdbi.withHandle(h -> load(h, userId).stream().findFirst());
  }

  @Override
  public List<Technician> list() {
    return jdbi.withHandle(h -> load(h, null));
  }

  private static List<Technician> load(Handle h, Long only) {
    Map<Long, List<WorkingHours>> hours = new HashMap<>();
    h.createQuery(
            "select * from technician_hours where cast(:id as bigint) is null or user_id = :id"
                + " order by weekday")
        .bind("id", only)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("user_id"),
                    new WorkingHours(
                        DayOfWeek.of(rs.getShort("weekday")),
                        rs.getObject("starts", java.time.LocalTime.class),
                        rs.getObject("ends", java.time.LocalTime.class))))
        .forEach(e -> hours.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<DayOff>> off = new HashMap<>();
    h.createQuery(
            "select * from technician_day_off where cast(:id as bigint) is null or user_id = :id"
                + " order by day")
        .bind("id", only)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("user_id"),
                    new DayOff(rs.getObject("day", LocalDate.class), rs.getString("reason"))))
        .forEach(e -> off.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return h.createQuery(
            """
            select t.*, u.display_name from technician t join app_user u on u.id = t.user_id
             where cast(:id as bigint) is null or t.user_id = :id order by u.display_name, t.user_id
            """)
        .bind("id", only)
        .map(
            (rs, ctx) -> {
              long id = rs.getLong("user_id");
              return new Technician(
                  id,
                  rs.getString("display_name"),
                  Arrays.asList((String[]) rs.getArray("skills").getArray()),
                  new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lon")),
                  ZoneId.of(rs.getString("time_zone")),
                  rs.getLong("van_location_id"),
                  hours.getOrDefault(id, List.of()),
                  off.getOrDefault(id, List.of()));
            })
        .list();
  }

  @Override
  public boolean addDayOff(long userId, DayOff day) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into technician_day_off (user_id, day, reason)"
                            + " values (:id, :day, :reason) on conflict do nothing")
                    .bind("id", userId)
                    .bind("day", day.day())
                    .bind("reason", day.reason())
                    .execute())
        == 1;
  }

  @Override
  public boolean removeDayOff(long userId, LocalDate day) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("delete from technician_day_off where user_id = :id and day = :day")
                    .bind("id", userId)
                    .bind("day", day)
                    .execute())
        == 1;
  }
}
