package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The IVR's log lines carry the call id (and the ticket id where one is created). */
class IvrLoggingTest {

  private static final Logger IVR = (Logger) LoggerFactory.getLogger("dev.callcenter.cti.ivr");
  private static final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private static final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
          // the MDC is the logging thread's: take it now, not when the test reads the event
          e.prepareForDeferredProcessing();
          events.add(e);
        }
      };
  private static Level level;
  private static IvrKit kit;

  @BeforeAll
  static void start() {
    kit = new IvrKit();
    level = IVR.getLevel();
    IVR.setLevel(Level.DEBUG);
    appender.start();
    IVR.addAppender(appender);
  }

  @AfterAll
  static void stop() {
    IVR.detachAppender(appender);
    IVR.setLevel(level);
    kit.close();
  }

  private static List<ILoggingEvent> of(AgiCall call) {
    return events.stream()
        .filter(e -> call.uniqueid().equals(e.getMDCPropertyMap().get("callId")))
        .toList();
  }

  @Test
  void aFaultReportLogsItsTicketIdAndTheWholeCallIsDebugWithTheCallId() {
    kit.customer("Lin Ho", "zh-TW", Tier.STANDARD, "0911000030");

    AgiCall call = kit.start(AgiCaller.from("0911000030").pressing("2", "1", "#", "0"));
    AgiResult r = IvrKit.result(call);

    String ticket = r.variables().get("CC_TICKET_ID");
    assertThat(ticket).isNotNull();
    List<ILoggingEvent> logged = of(call);
    assertThat(logged)
        .filteredOn(e -> e.getLoggerName().equals(FaultReportFlow.class.getName()))
        .singleElement()
        .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("ticketId", ticket));
    assertThat(logged)
        .filteredOn(e -> e.getLoggerName().equals(ToAgentFlow.class.getName()))
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("to queue support"));
    assertThat(logged)
        .as("a caller served without trouble is nobody's action: nothing above DEBUG")
        .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
  }
}
