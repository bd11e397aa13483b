package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Local-search moves between visits that are close to each other, the community edition's stand-in
 * for Timefold's nearby selection (an enterprise feature): a visit moves next to one of its nearest
 * visits (or, when nobody has it yet, is inserted there), swaps with one, or takes the place of a
 * near visit that is then left out. Blind list moves put a visit at a random place of a random
 * route, which on a full day with promised windows almost always breaks a hard rule; placing it
 * beside a near visit is where a shorter route comes from. Moves that would break a rule known
 * without scoring (a technician without the skills, a day off, a started visit, a pin to another
 * technician) are not offered.
 */
public final class NearbyMoves implements MoveIteratorFactory<DispatchPlan, Move<DispatchPlan>> {

  /** How many of each visit's nearest visits it may move next to. */
  static final int NEIGHBOURS = 12;

  /** How many attempts one move may take to find a candidate that breaks no known rule. */
  private static final int ATTEMPTS = 50;

  /** The list variable as the running solver knows it (a meta-model of its own is refused). */
  private PlanningListVariableMetaModel<DispatchPlan, PlanShift, PlanVisit> VISITS;

  private static final Move<DispatchPlan> NOTHING = view -> {};

  private List<PlanVisit> visits = List.of();
  private Map<PlanVisit, PlanVisit[]> nearest = Map.of();

  @Override
  public void phaseStarted(ScoreDirector<DispatchPlan> scoreDirector) {
    VISITS =
        ((InnerScoreDirector<DispatchPlan, ?>) scoreDirector)
            .getSolutionDescriptor()
            .getMetaModel()
            .genuineEntity(PlanShift.class)
            .listVariable("visits", PlanVisit.class);
    visits = List.copyOf(scoreDirector.getWorkingSolution().getVisits());
    nearest = new IdentityHashMap<>();
    int n = visits.size();
    double[] km = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      PlanVisit v = visits.get(i);
      for (int j = 0; j < n; j++) {
        km[j] = i == j ? Double.MAX_VALUE : v.getSite().distanceKm(visits.get(j).getSite());
        order[j] = j;
      }
      Arrays.sort(order, Comparator.comparingDouble(j -> km[j]));
      PlanVisit[] near = new PlanVisit[Math.min(NEIGHBOURS, n - 1)];
      for (int k = 0; k < near.length; k++) {
        near[k] = visits.get(order[k]);
      }
      nearest.put(v, near);
    }
  }

  @Override
  public void phaseEnded(ScoreDirector<DispatchPlan> scoreDirector) {
    visits = List.of();
    nearest = Map.of();
  }

  @Override
  public long getSize(ScoreDirector<DispatchPlan> scoreDirector) {
    return (long) visits.size() * NEIGHBOURS * 3;
  }

  @Override
  public Iterator<Move<DispatchPlan>> createOriginalMoveIterator(
      ScoreDirector<DispatchPlan> scoreDirector) {
    throw new UnsupportedOperationException("nearby moves are selected at random only");
  }

  @Override
  public Iterator<Move<DispatchPlan>> createRandomMoveIterator(
      ScoreDirector<DispatchPlan> scoreDirector, RandomGenerator random) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !visits.isEmpty();
      }

      @Override
      public Move<DispatchPlan> next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
          Move<DispatchPlan> move = candidate(random);
          if (move != null) {
            return move;
          }
        }
        // Nothing near is allowed (one order, or a day of started visits): a move that changes
        // nothing (Timefold refuses an empty composite move).
        return NOTHING;
      }
    };
  }

  private Move<DispatchPlan> candidate(RandomGenerator random) {
    PlanVisit v = visits.get(random.nextInt(visits.size()));
    PlanVisit[] near = nearest.get(v);
    if (near.length == 0) {
      return null;
    }
    PlanVisit u = near[random.nextInt(near.length)];
    PlanShift to = u.getShift();
    if (to == null || !movable(u) || !allowed(v, to)) {
      return null;
    }
    int uAt = to.getVisits().indexOf(u);
    PlanShift from = v.getShift();
    if (from == null) {
      // An order nobody has yet: beside the near visit, or in its place.
      return switch (random.nextInt(3)) {
        case 0 -> Moves.assign(VISITS, v, to, uAt + 1);
        case 1 -> Moves.assign(VISITS, v, to, uAt);
        default ->
            u.getPinnedTechnicianId() != null
                ? null
                : Moves.compose(Moves.unassign(VISITS, to, uAt), Moves.assign(VISITS, v, to, uAt));
      };
    }
    if (!movable(v)) {
      return null;
    }
    int vAt = from.getVisits().indexOf(v);
    return switch (random.nextInt(3)) {
      case 0 -> change(from, vAt, to, uAt, true);
      case 1 -> change(from, vAt, to, uAt, false);
      default -> allowed(u, from) ? Moves.swap(VISITS, from, vAt, to, uAt) : null;
    };
  }

  /** Moves the visit at {@code from[vAt]} just after (or before) the visit at {@code to[uAt]}. */
  private Move<DispatchPlan> change(PlanShift from, int vAt, PlanShift to, int uAt, boolean after) {
    int at = after ? uAt + 1 : uAt;
    if (from == to && vAt < uAt) {
      at--; // the list is one shorter in front of u once v is taken out
    }
    if (at < to.getPinnedCount() || (from == to && at == vAt)) {
      return null;
    }
    return Moves.change(VISITS, from, vAt, to, at);
  }

  /** A visit that local search may move: not one of its shift's started visits. */
  private static boolean movable(PlanVisit v) {
    PlanShift s = v.getShift();
    return s == null || s.getVisits().indexOf(v) >= s.getPinnedCount();
  }

  /** The rules known without scoring: skills, day off, the pin to a technician. */
  private static boolean allowed(PlanVisit v, PlanShift s) {
    return !s.isDayOff()
        && s.getSkills().containsAll(v.getSkills())
        && (v.getPinnedTechnicianId() == null
            || Objects.equals(v.getPinnedTechnicianId(), s.getTechnicianId()));
  }
}
