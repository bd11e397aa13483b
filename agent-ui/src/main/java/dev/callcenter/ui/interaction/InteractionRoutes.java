package dev.callcenter.ui.interaction;

import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/** Recording and reading contacts. */
public final class InteractionRoutes {

  private final InteractionService interactions;

  public InteractionRoutes(InteractionService interactions) {
    this.interactions = interactions;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/interactions",
        Api.staff(),
        201,
        ctx -> interactions.record(Api.body(ctx, InteractionDraft.class), Api.userId(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/interactions/:id",
        Api.staff(),
        200,
        ctx -> interactions.get(Api.pathId(ctx, "id")));
  }
}
