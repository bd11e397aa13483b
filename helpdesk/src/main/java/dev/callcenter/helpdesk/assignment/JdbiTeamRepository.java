package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link TeamRepository} on PostgreSQL through Jdbi. */
public final class JdbiTeamRepository implements TeamRepository {

  private final TeamDao dao;

  public JdbiTeamRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(TeamDao.class);
  }

  @Override
  public boolean insert(TeamDraft d, Instant now) {
    return dao.insert(d.key(), d.name(), d.defaultCapacity(), now) == 1;
  }

  @Override
  public boolean update(TeamDraft d, Instant now) {
    return dao.update(d.key(), d.name(), d.defaultCapacity(), now) == 1;
  }

  @Override
  public Optional<Team> find(String key) {
    return dao.find(key);
  }

  @Override
  public List<Team> all() {
    return dao.all();
  }

  @Override
  public void putMember(String teamKey, long userId, MemberDraft draft) {
    dao.putMember(teamKey, userId, draft.skills(), draft.capacity());
  }

  @Override
  public boolean removeMember(String teamKey, long userId) {
    return dao.removeMember(teamKey, userId) == 1;
  }

  @Override
  public List<TeamMember> members(String teamKey) {
    return dao.members(teamKey);
  }

  @Override
  public Optional<TeamMember> member(String teamKey, long userId) {
    return dao.member(teamKey, userId);
  }

  @Override
  public int setPresence(long userId, boolean present) {
    return dao.setPresence(userId, present);
  }

  @Override
  public List<String> teamsOf(long userId) {
    return dao.teamsOf(userId);
  }
}
