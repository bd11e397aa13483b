package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.planning.DispatchBoard;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dispatcher's board of a day (supervisors and admins): each technician's ordered visits with
 * their drives, and the open orders nobody has, with why.
 */
public final class BoardRoutes {

  private final DispatchBoard board;

  public BoardRoutes(DispatchBoard board) {
    this.board = board;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/board",
        Api.managers(),
        200,
        ctx -> {
          String day = Api.query(ctx, "day", 10);
          if (day == null || day.isBlank()) {
            throw new ValidationException("day", "is required, a date like 2026-03-02");
          }
          try {
            return board.day(LocalDate.parse(day.strip()));
          } catch (DateTimeParseException e) {
            throw new ValidationException("day", "must be a date like 2026-03-02");
          }
        });
  }
}
