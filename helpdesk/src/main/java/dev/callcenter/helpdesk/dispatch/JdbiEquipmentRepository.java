package dev.callcenter.helpdesk.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link EquipmentRepository} on PostgreSQL through Jdbi. */
public final class JdbiEquipmentRepository implements EquipmentRepository {

  private final Jdbi jdbi;

  public JdbiEquipmentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Long> insert(EquipmentDraft d, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    insert into equipment (customer_id, product, version, serial_number,
                      site_address, lat, lon, installed_on, warranty_end, created_at)
                    values (:customer, :product, :version, :serial, :address, :lat, :lon,
                      :installed, :warranty, :at)
                    on conflict do nothing returning id
                    """)
                .bind("customer", d.customerId())
                .bind("product", d.product())
                .bind("version", d.version())
                .bind("serial", d.serialNumber())
                .bind("address", d.siteAddress())
                .bind("lat", d.lat())
                .bind("lon", d.lon())
                .bind("installed", d.installedOn())
                .bind("warranty", d.warrantyEnd())
                .bind("at", at)
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public Optional<Equipment> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from equipment where id = :id")
                .bind("id", id)
                .map(JdbiEquipmentRepository::map)
                .findOne());
  }

  @Override
  public List<Equipment> forCustomer(long customerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from equipment where customer_id = :id order by id")
                .bind("id", customerId)
                .map(JdbiEquipmentRepository::map)
                .list());
  }

  private static Equipment map(ResultSet rs, StatementContext ctx) throws SQLException {
    Double lat = (Double) rs.getObject("lat");
    Double lon = (Double) rs.getObject("lon");
    return new Equipment(
        rs.getLong("id"),
        rs.getLong("customer_id"),
        rs.getString("product"),
        rs.getString("version"),
        rs.getString("serial_number"),
        rs.getString("site_address"),
        lat == null ? null : new GeoPoint(lat, lon),
        rs.getObject("installed_on", LocalDate.class),
        rs.getObject("warranty_end", LocalDate.class),
        rs.getTimestamp("created_at").toInstant());
  }
}
