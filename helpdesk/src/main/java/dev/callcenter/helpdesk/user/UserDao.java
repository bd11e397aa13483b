package dev.callcenter.helpdesk.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for users and sessions; used only by {@link JdbiUserRepository}. */
interface UserDao {

  @SqlQuery("select * from app_user where username = :username")
  @RegisterRowMapper(CredentialsMapper.class)
  Optional<UserRepository.Credentials> findCredentials(@Bind("username") String username);

  @SqlQuery(
      "select * from app_user where active and (cast(:role as text) is null or :role = any(roles))"
          + " order by display_name, id limit 1000")
  @RegisterRowMapper(UserMapper.class)
  java.util.List<User> list(@Bind("role") String role);

  @SqlQuery("select * from app_user where id = :id")
  @RegisterRowMapper(UserMapper.class)
  Optional<User> find(@Bind("id") long id);

  @SqlUpdate(
      """
      insert into app_user (username, display_name, password_hash, roles, language)
      values (:username, :displayName, :hash, :roles, :language)
      on conflict (username) do update set display_name = excluded.display_name,
        password_hash = excluded.password_hash, roles = excluded.roles,
        language = excluded.language, active = true, must_change_password = false
      """)
  @GetGeneratedKeys("id")
  long upsert(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("hash") String hash,
      @Bind("roles") List<String> roles,
      @Bind("language") String language);

  @SqlQuery("select * from app_user order by active desc, lower(username), id limit 5000")
  @RegisterRowMapper(AccountMapper.class)
  List<UserAccount> listAccounts();

  @SqlQuery("select * from app_user where id = :id")
  @RegisterRowMapper(AccountMapper.class)
  Optional<UserAccount> findAccount(@Bind("id") long id);

  @SqlUpdate(
      """
      insert into app_user (username, display_name, password_hash, roles, language,
        must_change_password, updated_at)
      values (:username, :displayName, :hash, :roles, :language, :mustChange, :now)
      on conflict (username) do nothing
      """)
  @GetGeneratedKeys("id")
  Optional<Long> insert(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("hash") String hash,
      @Bind("roles") List<String> roles,
      @Bind("language") String language,
      @Bind("mustChange") boolean mustChange,
      @Bind("now") Instant now);

  @SqlUpdate("update app_user set roles = :roles, updated_at = :now where id = :id")
  int setRoles(@Bind("id") long id, @Bind("roles") List<String> roles, @Bind("now") Instant now);

  @SqlUpdate("update app_user set active = :active, updated_at = :now where id = :id")
  int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);

  @SqlUpdate(
      "update app_user set password_hash = :hash, must_change_password = :mustChange,"
          + " updated_at = :now where id = :id")
  int setPassword(
      @Bind("id") long id,
      @Bind("hash") String hash,
      @Bind("mustChange") boolean mustChange,
      @Bind("now") Instant now);

  @SqlUpdate("update app_user set last_login_at = :at where id = :id")
  void touchLogin(@Bind("id") long id, @Bind("at") Instant at);

  @SqlQuery("select count(*) from app_user where active and 'ADMIN' = any(roles) and id <> :id")
  int countOtherActiveAdmins(@Bind("id") long id);

  @SqlUpdate(
      "insert into auth_session (token_hash, user_id, csrf_token, created_at, expires_at,"
          + " last_seen_at, idle_timeout_seconds)"
          + " values (:hash, :userId, :csrf, :createdAt, :expiresAt, :createdAt, :idle)")
  void insertSession(
      @Bind("hash") byte[] hash,
      @Bind("userId") long userId,
      @Bind("csrf") String csrf,
      @Bind("createdAt") Instant createdAt,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("idle") long idleSeconds);

  /** The live session, marked as used now (which restarts its idle timeout). */
  @SqlQuery(
      """
      with used as (
        update auth_session set last_seen_at = :now
        where token_hash = :hash and expires_at > :now
          and last_seen_at + idle_timeout_seconds * interval '1 second' > :now
        returning user_id, csrf_token, expires_at)
      select u.*, used.csrf_token, used.expires_at from used join app_user u on u.id = used.user_id
      where u.active
      """)
  @RegisterRowMapper(SessionMapper.class)
  Optional<UserRepository.StoredSession> useSession(
      @Bind("hash") byte[] hash, @Bind("now") Instant now);

  /** The live session, without counting this look as activity. */
  @SqlQuery(
      """
      select u.*, s.csrf_token, s.expires_at from auth_session s join app_user u on u.id = s.user_id
      where s.token_hash = :hash and s.expires_at > :now and u.active
        and s.last_seen_at + s.idle_timeout_seconds * interval '1 second' > :now
      """)
  @RegisterRowMapper(SessionMapper.class)
  Optional<UserRepository.StoredSession> peekSession(
      @Bind("hash") byte[] hash, @Bind("now") Instant now);

  @SqlUpdate("delete from auth_session where user_id = :userId and token_hash <> :keep")
  int deleteUserSessions(@Bind("userId") long userId, @Bind("keep") byte[] keep);

  @SqlUpdate("delete from auth_session where token_hash = :hash")
  void deleteSession(@Bind("hash") byte[] hash);

  @SqlUpdate(
      "delete from auth_session where expires_at <= :now"
          + " or last_seen_at + idle_timeout_seconds * interval '1 second' <= :now")
  int deleteExpired(@Bind("now") Instant now);

  /** Maps a user row. */
  class UserMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new User(
          rs.getLong("id"),
          rs.getString("username"),
          rs.getString("display_name"),
          roles(rs.getArray("roles")),
          rs.getString("language"),
          rs.getString("time_zone"),
          rs.getBoolean("active"),
          rs.getBoolean("must_change_password"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String r : (String[]) array.getArray()) {
        roles.add(Role.valueOf(r));
      }
      return roles;
    }
  }

  /** Maps a user row for administrators. */
  class AccountMapper implements RowMapper<UserAccount> {
    @Override
    public UserAccount map(ResultSet rs, StatementContext ctx) throws SQLException {
      java.sql.Timestamp last = rs.getTimestamp("last_login_at");
      return new UserAccount(
          new UserMapper().map(rs, ctx),
          last == null ? null : last.toInstant(),
          rs.getTimestamp("created_at").toInstant());
    }
  }

  /** Maps a user row with its password hash. */
  class CredentialsMapper implements RowMapper<UserRepository.Credentials> {
    @Override
    public UserRepository.Credentials map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new UserRepository.Credentials(
          new UserMapper().map(rs, ctx), rs.getString("password_hash"));
    }
  }

  /** Maps a session joined with its user. */
  class SessionMapper implements RowMapper<UserRepository.StoredSession> {
    @Override
    public UserRepository.StoredSession map(ResultSet rs, StatementContext ctx)
        throws SQLException {
      return new UserRepository.StoredSession(
          new UserMapper().map(rs, ctx),
          rs.getString("csrf_token"),
          rs.getTimestamp("expires_at").toInstant());
    }
  }
}
