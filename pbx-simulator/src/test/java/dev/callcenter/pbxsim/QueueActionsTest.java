package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueActionsTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private PbxSimulator sim;
  private AsteriskJavaClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Alice");
    client = AsteriskJavaClient.loggedIn(sim);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  @Test
  void pausingAKnownMemberSucceedsAndEmitsQueueMemberPause() throws Exception {
    QueuePauseAction pause = new QueuePauseAction("PJSIP/1001", "support", true);
    pause.setReason("lunch");

    ManagerResponse response = client.connection.sendAction(pause, 5_000);

    assertThat(response.getResponse()).isEqualTo("Success");
    assertThat(response.getMessage()).isEqualTo("Interface paused successfully");
    QueueMemberPauseEvent event = client.await(QueueMemberPauseEvent.class);
    assertThat(event.getInterface()).isEqualTo("PJSIP/1001");
    assertThat(event.getQueue()).isEqualTo("support");
    assertThat(event.getPaused()).isTrue();
    assertThat(event.getPausedreason()).isEqualTo("lunch");
    assertThat(sim.pbx().member("support", "PJSIP/1001"))
        .get()
        .extracting(m -> m.paused())
        .isEqualTo(true);
  }

  @Test
  void pausingAnUnknownInterfaceIsAnError() throws Exception {
    ManagerResponse response =
        client.connection.sendAction(new QueuePauseAction("PJSIP/9999", true), 5_000);

    assertThat(response).isInstanceOf(ManagerError.class);
    assertThat(response.getMessage()).isEqualTo("Interface not found");
  }

  @Test
  void queueAddEmitsMemberAddedAndQueueStatusListsEveryMember() throws Exception {
    QueueAddAction add = new QueueAddAction("support", "PJSIP/1002", 0);
    add.setMemberName("Bob");
    assertThat(client.connection.sendAction(add, 5_000).getMessage())
        .isEqualTo("Added interface to queue");
    assertThat(client.await(QueueMemberAddedEvent.class).getMemberName()).isEqualTo("Bob");

    ResponseEvents status =
        client.connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000);

    assertThat(status.getResponse().getResponse()).isEqualTo("Success");
    assertThat(status.getEvents()).hasAtLeastOneElementOfType(QueueParamsEvent.class);
    assertThat(status.getEvents())
        .filteredOn(QueueMemberEvent.class::isInstance)
        .map(QueueMemberEvent.class::cast)
        .extracting(QueueMemberEvent::getName, QueueMemberEvent::getLocation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Alice", "PJSIP/1001"),
            org.assertj.core.groups.Tuple.tuple("Bob", "PJSIP/1002"));
    assertThat(status.getEvents()).last().isInstanceOf(QueueStatusCompleteEvent.class);
  }

  @Test
  void coreShowChannelsListsTheChannelsOfABridgedCall() throws Exception {
    var call =
        sim.calls()
            .inboundQueueCall("0911222333", "PSTN 0911222333", "support")
            .answeredBy("PJSIP/1001");
    time.advance(Duration.ofSeconds(3));

    ResponseEvents channels =
        client.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 5_000);

    assertThat(channels.getEvents())
        .filteredOn(CoreShowChannelEvent.class::isInstance)
        .map(CoreShowChannelEvent.class::cast)
        .extracting(CoreShowChannelEvent::getLinkedid)
        .containsExactly(call.linkedid(), call.linkedid());
    assertThat(channels.getEvents()).last().isInstanceOf(CoreShowChannelsCompleteEvent.class);
    assertThat(
            ((CoreShowChannelsCompleteEvent)
                    channels.getEvents().stream().reduce((a, b) -> b).orElseThrow())
                .getListitems())
        .isEqualTo(2);
  }

  @Test
  void asyncOriginateIsQueuedThenAnsweredByOriginateResponseAndCanBeHungUp() throws Exception {
    OriginateAction originate = new OriginateAction();
    originate.setChannel("PJSIP/1001");
    originate.setContext("from-agents");
    originate.setExten("600");
    originate.setPriority(1);
    originate.setAsync(true);
    originate.setActionId("c2c-0001");

    ManagerResponse queued = client.connection.sendAction(originate, 5_000);
    time.runDue();

    assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
    OriginateResponseEvent result = client.await(OriginateResponseEvent.class);
    assertThat(result.getResponse()).isEqualTo("Success");
    assertThat(result.getReason()).isEqualTo(4);
    assertThat(result.getChannel()).startsWith("PJSIP/1001-");

    ManagerResponse hungUp =
        client.connection.sendAction(new HangupAction(result.getChannel(), 16), 5_000);

    assertThat(hungUp.getMessage()).isEqualTo("Channel Hungup");
    HangupEvent hangup = client.await(HangupEvent.class);
    assertThat(hangup.getCause()).isEqualTo(16);
    assertThat(hangup.getCauseTxt()).isEqualTo("Normal Clearing");
    assertThat(sim.pbx().channels()).isEmpty();
  }

  @Test
  void queueStatusListsAWaitingCallerAsQueueEntry() throws Exception {
    var call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .noAnswerFrom("PJSIP/1001", Duration.ofSeconds(15))
            .answeredBy("PJSIP/1001");
    time.advance(Duration.ofSeconds(5));

    ResponseEvents status =
        client.connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000);

    assertThat(status.getEvents())
        .filteredOn(QueueEntryEvent.class::isInstance)
        .map(QueueEntryEvent.class::cast)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getUniqueId()).isEqualTo(call.uniqueid());
              assertThat(e.getPosition()).isEqualTo(1);
              assertThat(e.getCallerIdName()).isEqualTo("張三");
              assertThat(e.getWait()).isEqualTo(5L);
            });
  }

  @Test
  void redirectMovesAKnownChannelAndRejectsAnUnknownOne() throws Exception {
    var call =
        sim.calls().inboundQueueCall("0911222333", "Caller", "support").answeredBy("PJSIP/1001");
    time.runDue();

    ManagerResponse moved =
        client.connection.sendAction(
            new RedirectAction(call.channel(), "from-internal", "2001", 1), 5_000);
    ManagerResponse unknown =
        client.connection.sendAction(
            new RedirectAction("PJSIP/nobody-00000000", "x", "1", 1), 5_000);

    assertThat(moved.getMessage()).isEqualTo("Redirect successful");
    assertThat(sim.pbx().channel(call.uniqueid()))
        .get()
        .satisfies(c -> assertThat(c.exten()).isEqualTo("2001"));
    assertThat(unknown).isInstanceOf(ManagerError.class);
    assertThat(unknown.getMessage()).isEqualTo("Channel does not exist: PJSIP/nobody-00000000");
  }

  @Test
  void originateToAFailingPhoneAnswersOriginateResponseFailure() throws Exception {
    sim.pbx().failOriginatesTo("PJSIP/1002", 5);
    OriginateAction originate = new OriginateAction();
    originate.setChannel("PJSIP/1002");
    originate.setContext("from-agents");
    originate.setExten("600");
    originate.setPriority(1);
    originate.setAsync(true);

    client.connection.sendAction(originate, 5_000);
    time.runDue();

    OriginateResponseEvent result = client.await(OriginateResponseEvent.class);
    assertThat(result.getResponse()).isEqualTo("Failure");
    assertThat(result.getReason()).isEqualTo(5);
    assertThat(sim.pbx().channels()).isEmpty();
  }
}
