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
        language = excluded.language, active = true
      """)
  @GetGeneratedKeys("id")
  long upsert(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("hash") String hash,
      @Bind("roles") List<String> roles,
      @Bind("language") String language);

  @SqlUpdate(
      "insert into auth_session (token_hash, user_id, csrf_token, created_at, expires_at)"
          + " values (:hash, :userId, :csrf, :createdAt, :expiresAt)")
  void insertSession(
      @Bind("hash") byte[] hash,
      @Bind("userId") long userId,
      @Bind("csrf") String csrf,
      @Bind("createdAt") Instant createdAt,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      "select u.*, s.csrf_token, s.expires_at from auth_session s join app_user u on u.id ="
          + " s.user_id where s.token_hash = :hash and s.expires_at > :now and u.active")
  @RegisterRowMapper(SessionMapper.class)
  Optional<UserRepository.StoredSession> findSession(
      @Bind("hash") byte[] hash, @Bind("now") Instant now);

  @SqlUpdate("delete from auth_session where token_hash = :hash")
  void deleteSession(@Bind("hash") byte[] hash);

  @SqlUpdate("delete from auth_session where expires_at <= :now")
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
          rs.getBoolean("active"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String r : (String[]) array.getArray()) {
        roles.add(Role.valueOf(r));
      }
      return roles;
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
