package dev.callcenter.ui.interaction;

import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.ui.http.Api;
import io.vertx.ext.web.Router;

/** Recording and reading contacts. */
public final class InteractionRoutes {

  private final InteractionService interactions;

  public InteractionRoutes(InteractionService interactions) {
    this.interactions = interactions;
  }

  public void mount(Router router) {
    router
        .post("/api/v1/interactions")
        .handler(Api.staff())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    201,
                    () ->
                        interactions.record(
                            Api.body(ctx, InteractionDraft.class), Api.userId(ctx))));
    router
        .get("/api/v1/interactions/:id")
        .handler(Api.anyone())
        .handler(ctx -> Api.respond(ctx, 200, () -> interactions.get(Api.pathId(ctx, "id"))));
  }
}
