package dev.callcenter.helpdesk.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for customers; used only by {@link JdbiCustomerRepository}. */
@RegisterRowMapper(CustomerDao.SummaryMapper.class)
interface CustomerDao {

  String SUMMARY_COLUMNS =
      "c.id, c.kind, c.name, c.company_id, co.name as company_name, c.language,"
          + " coalesce(c.tier_override, c.tier) as effective_tier";

  @SqlUpdate(
      """
      insert into customer (kind, name, company_id, language, emails, address, notes, value_12m,
                            external_ref)
      values (:d.kind, :d.name, :d.companyId, :d.language, :d.emails, :d.address, :d.notes,
              :d.value12m, :d.externalRef)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods("d") CustomerDraft draft);

  @SqlUpdate(
      """
      update customer set kind = :d.kind, name = :d.name, company_id = :d.companyId,
             language = :d.language, emails = :d.emails, address = :d.address,
             notes = :d.notes, value_12m = :d.value12m, external_ref = :d.externalRef,
             updated_at = now(), version = version + 1
       where id = :id and (cast(:expectedVersion as integer) is null or version = :expectedVersion)
      """)
  int update(
      @Bind("id") long id,
      @BindMethods("d") CustomerDraft draft,
      @Bind("expectedVersion") Integer expectedVersion);

  @SqlUpdate("delete from customer where id = :id")
  int delete(@Bind("id") long id);

  @SqlUpdate("delete from customer_phone where customer_id = :id")
  void deletePhones(@Bind("id") long id);

  @SqlBatch(
      "insert into customer_phone (customer_id, position, type, original, e164)"
          + " values (:customerId, :position, :type, :original, :e164)")
  void insertPhones(
      @Bind("customerId") long customerId,
      @Bind("position") List<Integer> positions,
      @Bind("type") List<String> types,
      @Bind("original") List<String> originals,
      @Bind("e164") List<String> e164s);

  @SqlUpdate("delete from customer_attribute where customer_id = :id")
  void deleteAttributes(@Bind("id") long id);

  @SqlBatch("insert into customer_attribute (customer_id, key, value) values (:id, :key, :value)")
  void insertAttributes(
      @Bind("id") long id, @Bind("key") List<String> keys, @Bind("value") List<String> values);

  @SqlQuery(
      "select "
          + SUMMARY_COLUMNS
          + ", c.emails, c.address, c.notes, c.value_12m, c.tier, c.tier_override, c.external_ref,"
          + " c.created_at, c.updated_at, c.version"
          + " from customer c left join customer co on co.id = c.company_id where c.id = :id")
  @RegisterRowMapper(CustomerRowMapper.class)
  Optional<CustomerRow> find(@Bind("id") long id);

  @SqlQuery(
      "select type, original, e164 from customer_phone where customer_id = :id order by position")
  @RegisterRowMapper(PhoneMapper.class)
  List<Phone> phones(@Bind("id") long id);

  @SqlQuery("select key, value from customer_attribute where customer_id = :id order by key")
  @RegisterRowMapper(AttributeMapper.class)
  List<String[]> attributes(@Bind("id") long id);

  String TIER_OF = "select coalesce(tier_override, tier) from customer where id = ?";

  String FIND_BY_PHONE =
      "select "
          + SUMMARY_COLUMNS
          + " from customer c left join customer co on co.id = c.company_id"
          + " where c.id in (select customer_id from customer_phone where e164 = :e164)"
          + " order by c.id limit :limit";

  @SqlQuery("select kind from customer where id = :id")
  Optional<String> kindOf(@Bind("id") long id);

  @SqlQuery(
      "select "
          + SUMMARY_COLUMNS
          + " from customer c left join customer co on co.id = c.company_id"
          + " where lower(c.name) like :contains"
          + " or lower(co.name) like :contains"
          + " or c.external_ref = :text"
          + " or :text = any (c.emails)"
          + " or c.id in (select customer_id from customer_phone where e164 = :e164)"
          + " order by (lower(c.name) like :prefix) desc, c.id desc limit :limit offset :offset")
  List<CustomerSummary> search(
      @Bind("prefix") String prefix,
      @Bind("contains") String contains,
      @Bind("text") String text,
      @Bind("e164") String e164,
      @Bind("limit") int limit,
      @Bind("offset") int offset);

  @SqlQuery("select id from customer where external_ref = :ref")
  Optional<Long> findIdByExternalRef(@Bind("ref") String ref);

  @SqlUpdate(
      "update customer set tier_override = :tier, updated_at = now(), version = version + 1"
          + " where id = :id")
  int setTierOverride(@Bind("id") long id, @Bind("tier") String tier);

  @SqlUpdate(
      "update customer set value_12m = :value, updated_at = now(), version = version + 1"
          + " where id = :id")
  int setValue(@Bind("id") long id, @Bind("value") BigDecimal value);

  @SqlUpdate(
      """
      with ranked as (
        select id,
               sum(value_12m) over (order by value_12m desc, id) - value_12m as before,
               sum(value_12m) over () as total,
               value_12m
          from customer),
      computed as (
        select id,
               case when value_12m > 0 and before < :share * total then 'VIP' else 'STANDARD' end
                 as tier
          from ranked)
      update customer c set tier = computed.tier
        from computed
       where computed.id = c.id and c.tier <> computed.tier
      """)
  int recomputeTiers(@Bind("share") BigDecimal share);

  /** The scalar columns of a customer; phones and attributes are loaded separately. */
  record CustomerRow(
      CustomerSummary summary,
      List<String> emails,
      String address,
      String notes,
      BigDecimal value12m,
      Tier tier,
      Tier tierOverride,
      String externalRef,
      java.time.Instant createdAt,
      java.time.Instant updatedAt,
      int version) {}

  /** Maps the summary columns. */
  class SummaryMapper implements RowMapper<CustomerSummary> {
    @Override
    public CustomerSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      long companyId = rs.getLong("company_id");
      return new CustomerSummary(
          rs.getLong("id"),
          CustomerKind.valueOf(rs.getString("kind")),
          rs.getString("name"),
          rs.wasNull() || companyId == 0 ? null : companyId,
          rs.getString("company_name"),
          rs.getString("language"),
          Tier.valueOf(rs.getString("effective_tier")));
    }
  }

  /** Maps a full customer row. */
  class CustomerRowMapper implements RowMapper<CustomerRow> {
    private final SummaryMapper summary = new SummaryMapper();

    @Override
    public CustomerRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      String override = rs.getString("tier_override");
      return new CustomerRow(
          summary.map(rs, ctx),
          List.of((String[]) rs.getArray("emails").getArray()),
          rs.getString("address"),
          rs.getString("notes"),
          rs.getBigDecimal("value_12m"),
          Tier.valueOf(rs.getString("tier")),
          override == null ? null : Tier.valueOf(override),
          rs.getString("external_ref"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getTimestamp("updated_at").toInstant(),
          rs.getInt("version"));
    }
  }

  /** Maps a phone row. */
  class PhoneMapper implements RowMapper<Phone> {
    @Override
    public Phone map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Phone(
          PhoneType.valueOf(rs.getString("type")), rs.getString("original"), rs.getString("e164"));
    }
  }

  /** Maps an attribute row to a key/value pair. */
  class AttributeMapper implements RowMapper<String[]> {
    @Override
    public String[] map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new String[] {rs.getString("key"), rs.getString("value")};
    }
  }
}
