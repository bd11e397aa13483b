package dev.callcenter.ui.agent;

import dev.callcenter.cti.CtiService;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.agent.AgentDeviceService;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Agents and the PBX: state (available / paused with a reason / logged out) driving {@code
 * QueueAdd/QueuePause/QueueRemove}, click-to-call, transfer, live queue figures, and the phone
 * device an administrator assigns to an agent.
 */
public final class AgentRoutes {
  private final CtiService cti;
  private final AgentDeviceService devices;
  private final Function<String, Optional<User>> users;

  /**
   * @param cti the phone system ({@link CtiService#disabled()} when {@code cti.enabled} is off:
   *     these routes then answer 503 {@code cti_disabled})
   */
  public AgentRoutes(
      CtiService cti, AgentDeviceService devices, Function<String, Optional<User>> users) {
    this.cti = cti;
    this.devices = devices;
    this.users = users;
  }

  /** Body of a state change. */
  public record StateChange(String state, String reason) {
    public StateChange {
      Fields.notNull("state", state);
      if (AgentState.fromWire(state) == null
          || !List.of("available", "paused", "logged-out").contains(state)) {
        throw new ValidationException("state", "must be available, paused or logged-out");
      }
      reason = Fields.optional("reason", reason, 80);
    }
  }

  /** Body of click-to-call. */
  public record CallRequest(String number, Long customerId) {}

  /** Body of a transfer: a queue name or an extension. */
  public record Transfer(String target) {}

  /** Body of a device assignment. */
  public record Device(String agentInterface, List<String> queues) {
    public Device {
      queues = queues == null ? List.of() : queues;
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/agents/me/state",
        Api.staff(),
        200,
        ctx -> cti.agentState(Api.userId(ctx)));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/agents/me/state",
        Api.staff(),
        200,
        ctx -> change(Api.userId(ctx), Api.body(ctx, StateChange.class)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/agents",
        Api.managers(),
        200,
        ctx -> Map.of("items", cti.agents()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/agents/:username/state",
        Api.managers(),
        200,
        ctx -> cti.agentState(user(ctx).id()));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/agents/:username/state",
        Api.managers(),
        200,
        ctx -> change(user(ctx).id(), Api.body(ctx, StateChange.class)));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/agents/:username/device",
        Api.roles(Role.ADMIN),
        200,
        ctx -> {
          Device body = Api.body(ctx, Device.class);
          var device = devices.assign(user(ctx).id(), body.agentInterface(), body.queues());
          cti.reloadAgents();
          return device;
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/calls",
        Api.staff(),
        202,
        ctx -> {
          CallRequest body = Api.body(ctx, CallRequest.class);
          return await(cti.call(Api.userId(ctx), body.number(), body.customerId()));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/calls/current/transfer",
        Api.staff(),
        202,
        ctx ->
            Map.of(
                "callId",
                await(cti.transfer(Api.userId(ctx), Api.body(ctx, Transfer.class).target()))
                    .callId()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/queues",
        Api.staff(),
        200,
        ctx -> Map.of("items", cti.queues()));
    Api.route(router, HttpMethod.GET, "/api/v1/cti/status", Api.managers(), 200, ctx -> cti.link());
  }

  private Object change(long userId, StateChange body) {
    return await(cti.setAgentState(userId, AgentState.fromWire(body.state()), body.reason()));
  }

  private User user(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    return users.apply(username).orElseThrow(() -> new NotFoundException("user", username));
  }

  /** Waits on a worker thread for the PBX's answer; its failure is the request's failure. */
  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
