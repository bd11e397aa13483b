package dev.callcenter.cti;

import dev.callcenter.cti.call.PbxLinkStatus;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.live.AgentStatus;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.cti.live.QueueFigures;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.interaction.Interaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the web layer asks of the phone system: agents' states, calls and transfers, queue figures,
 * the link's health and the present for a (re)connecting screen. {@link CtiGateway} implements it
 * over one PBX; {@link #disabled()} when {@code cti.enabled} is off.
 */
public interface CtiService {

  /** False when there is no phone system integration; every command then fails. */
  boolean enabled();

  PbxLinkStatus link();

  /** Re-reads agents' devices (after an administrator changed one) and resyncs with the PBX. */
  void reloadAgents();

  AgentStatus agentState(long userId);

  List<AgentStatus> agents();

  List<QueueFigures> queues();

  /** What a (re)connecting screen needs: the agent's state and the pop of their current call. */
  List<LiveMessage> currentFor(long userId, boolean supervisor);

  /** Makes the agent available, paused (with a reason) or logged out in all their queues. */
  CompletableFuture<AgentStatus> setAgentState(long userId, AgentState target, String reason);

  /** Click-to-call from the agent's phone to {@code number}. */
  CompletableFuture<Interaction> call(long userId, String number, Long customerId);

  /** Sends the caller of the agent's current call to a queue or an extension. */
  CompletableFuture<CallView> transfer(long userId, String target);

  /** The service when {@code cti.enabled} is off: reads of the present are empty, the rest fail. */
  static CtiService disabled() {
    return Disabled.INSTANCE;
  }

  /** No phone system: commands and reads answer 503 {@code cti_disabled}. */
  enum Disabled implements CtiService {
    INSTANCE;

    private static HelpdeskException off() {
      return new HelpdeskException(
          HelpdeskException.Kind.UNAVAILABLE,
          "cti_disabled",
          "The phone system integration is off (cti.enabled = false in the configuration)");
    }

    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public PbxLinkStatus link() {
      throw off();
    }

    @Override
    public void reloadAgents() {}

    @Override
    public AgentStatus agentState(long userId) {
      throw off();
    }

    @Override
    public List<AgentStatus> agents() {
      throw off();
    }

    @Override
    public List<QueueFigures> queues() {
      throw off();
    }

    @Override
    public List<LiveMessage> currentFor(long userId, boolean supervisor) {
      return List.of();
    }

    @Override
    public CompletableFuture<AgentStatus> setAgentState(
        long userId, AgentState target, String reason) {
      throw off();
    }

    @Override
    public CompletableFuture<Interaction> call(long userId, String number, Long customerId) {
      throw off();
    }

    @Override
    public CompletableFuture<CallView> transfer(long userId, String target) {
      throw off();
    }
  }
}
