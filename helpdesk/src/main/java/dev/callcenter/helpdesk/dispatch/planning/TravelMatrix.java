package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The minutes between every two places of a plan (technicians' homes and order sites), computed
 * once with the plan's {@link TravelModel} when the plan is built, so that scoring a move looks the
 * drive up instead of computing a great-circle distance (a fifth of the solver's time before).
 * Shifts with another travel model, and places of another plan, are computed as before.
 */
final class TravelMatrix {

  private final int size;
  private final int[] minutes;

  private TravelMatrix(TravelModel model, List<GeoPoint> places) {
    this.size = places.size();
    this.minutes = new int[size * size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        minutes[i * size + j] = i == j ? 0 : (int) model.minutes(places.get(i), places.get(j));
      }
    }
  }

  /** Numbers every home and site of the plan and gives its shifts and visits one matrix. */
  static void attach(List<PlanShift> shifts, List<PlanVisit> visits) {
    if (shifts.isEmpty()) {
      return;
    }
    TravelModel model = shifts.getFirst().getTravel();
    var places = new ArrayList<GeoPoint>(shifts.size() + visits.size());
    for (PlanShift s : shifts) {
      places.add(s.getHome());
    }
    for (PlanVisit v : visits) {
      places.add(v.getSite());
    }
    var matrix = new TravelMatrix(model, places);
    int at = 0;
    for (PlanShift s : shifts) {
      s.locate(s.getTravel().equals(model) ? matrix : null, at++);
    }
    for (PlanVisit v : visits) {
      v.locate(matrix, at++);
    }
  }

  int minutes(int from, int to) {
    return minutes[from * size + to];
  }
}
