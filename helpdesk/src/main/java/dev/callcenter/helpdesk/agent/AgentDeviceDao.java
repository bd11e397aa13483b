package dev.callcenter.helpdesk.agent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for agent devices; used only by {@link JdbiAgentDeviceRepository}. */
@RegisterRowMapper(AgentDeviceDao.Mapper.class)
interface AgentDeviceDao {

  String SELECT =
      "select d.user_id, u.username, u.display_name, d.interface, d.queues"
          + " from agent_device d join app_user u on u.id = d.user_id ";

  @SqlUpdate(
      """
      insert into agent_device (user_id, interface, queues) values (:userId, :iface, :queues)
      on conflict (user_id) do update
        set interface = excluded.interface, queues = excluded.queues, updated_at = now()
      """)
  void upsert(
      @Bind("userId") long userId, @Bind("iface") String iface, @Bind("queues") String[] queues);

  @SqlQuery(SELECT + "where d.user_id = :userId")
  Optional<AgentDevice> forUser(@Bind("userId") long userId);

  @SqlQuery(SELECT + "where u.active order by u.username")
  List<AgentDevice> all();

  @SqlUpdate("delete from agent_device where user_id = :userId")
  int delete(@Bind("userId") long userId);

  /** Maps an agent device row. */
  class Mapper implements RowMapper<AgentDevice> {
    @Override
    public AgentDevice map(ResultSet rs, StatementContext ctx) throws SQLException {
      Array queues = rs.getArray("queues");
      return new AgentDevice(
          rs.getLong("user_id"),
          rs.getString("username"),
          rs.getString("display_name"),
          rs.getString("interface"),
          Arrays.asList((String[]) queues.getArray()));
    }
  }
}
