package dev.callcenter.ui;

import dev.callcenter.cti.CtiService;
import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.kb.library.KnowledgeBase;
import dev.callcenter.ui.agent.AgentRoutes;
import dev.callcenter.ui.assignment.AssignmentRoutes;
import dev.callcenter.ui.auth.AuthHandler;
import dev.callcenter.ui.auth.AuthRoutes;
import dev.callcenter.ui.customer.CustomerRoutes;
import dev.callcenter.ui.dispatch.BoardRoutes;
import dev.callcenter.ui.dispatch.DispatchRoutes;
import dev.callcenter.ui.dispatch.EquipmentRoutes;
import dev.callcenter.ui.dispatch.FieldRoutes;
import dev.callcenter.ui.dispatch.PlanRoutes;
import dev.callcenter.ui.dispatch.StockRoutes;
import dev.callcenter.ui.dispatch.TechnicianRoutes;
import dev.callcenter.ui.followup.FollowUpRoutes;
import dev.callcenter.ui.health.HealthRoutes;
import dev.callcenter.ui.http.ApiServer;
import dev.callcenter.ui.http.TrustedProxies;
import dev.callcenter.ui.interaction.InteractionRoutes;
import dev.callcenter.ui.kb.KnowledgeBaseRoutes;
import dev.callcenter.ui.report.ReportRoutes;
import dev.callcenter.ui.simulator.SimulatorRoutes;
import dev.callcenter.ui.sla.SlaRoutes;
import dev.callcenter.ui.survey.SurveyRoutes;
import dev.callcenter.ui.ticket.TicketRoutes;
import dev.callcenter.ui.user.UserAdminRoutes;
import dev.callcenter.ui.user.UserRoutes;
import dev.callcenter.ui.ws.EventHub;
import dev.callcenter.ui.ws.WebSocketRoutes;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The agent UI module assembled: every route of the HTTP API and the WebSocket over the other
 * modules' services, behind one login.
 */
public final class AgentUi {

  private AgentUi() {}

  /**
   * The web layer's settings.
   *
   * @param secureCookies session cookies only over HTTPS
   * @param maxBodyBytes largest request body accepted
   * @param allowedOrigins other origins whose pages may open the WebSocket with a cookie
   * @param trustedProxies reverse proxies whose X-Forwarded-For names the client
   * @param vipValueShare share of the total customer value the VIP tier holds (80/20)
   * @param version the server's version, reported by health
   */
  public record Settings(
      boolean secureCookies,
      long maxBodyBytes,
      Set<String> allowedOrigins,
      TrustedProxies trustedProxies,
      BigDecimal vipValueShare,
      String version) {}

  /**
   * The HTTP API (not listening yet).
   *
   * @param hub delivers live messages to people's screens
   * @param simulator places calls on the demo's PBX simulator; null outside demo mode
   */
  public static ApiServer api(
      Vertx vertx,
      Settings settings,
      Helpdesk h,
      KnowledgeBase kb,
      CtiService cti,
      EventHub hub,
      SimulatorRoutes.CallPlacer simulator,
      dev.callcenter.cti.ivr.menu.IvrMenus ivrMenus,
      Clock clock) {
    var authRoutes =
        new AuthRoutes(
            h.auth(),
            h.userAdministration().policy(),
            settings.trustedProxies(),
            settings.secureCookies(),
            hub,
            clock);
    var health =
        new HealthRoutes(
            h.database()::isHealthy, settings.version(), cti.enabled() ? cti::link : null);
    var sockets =
        new WebSocketRoutes(h.auth(), hub, cti::currentFor, settings.allowedOrigins(), clock);
    var kbRoutes =
        new KnowledgeBaseRoutes(
            kb.service(),
            kb.tickets(),
            kb.review(),
            kb.imports(),
            h.securityAudit(),
            settings.trustedProxies());
    return new ApiServer(
        vertx,
        settings.maxBodyBytes(),
        List.of(health::mount, authRoutes::mountPublic, kbRoutes::mountPublic, sockets::mount),
        new AuthHandler(h.auth()),
        List.of(
            authRoutes::mountProtected,
            new CustomerRoutes(
                    h.customers(), h.interactions(), h.customerImport(), settings.vipValueShare())
                ::mount,
            new InteractionRoutes(h.interactions())::mount,
            new FollowUpRoutes(h.followUps())::mount,
            new TicketRoutes(
                    h.tickets(),
                    h.workflow(),
                    h.openTicket(),
                    h.changeTicketStatus(),
                    h.sla(),
                    h.timeline())
                ::mount,
            new AssignmentRoutes(h.teams(), h.assignment())::mount,
            new SlaRoutes(h.slaPolicies(), h.calendar())::mount,
            new AgentRoutes(
                    cti,
                    h.agentDevices(),
                    username -> h.users().findCredentials(username).map(c -> c.user()))
                ::mount,
            new SimulatorRoutes(simulator)::mount,
            new SurveyRoutes(h.surveys(), clock)::mount,
            new ReportRoutes(h.reports(), h.reportRollups(), clock)::mount,
            new UserRoutes(h.users())::mount,
            new UserAdminRoutes(
                    h.userAdministration(), h.securityAudit(), settings.trustedProxies(), hub)
                ::mount,
            new DispatchRoutes(
                    h.dispatch(),
                    h.createDispatchOrder(),
                    h.tickets(),
                    settings.trustedProxies(),
                    h.planningZone())
                ::mount,
            new TechnicianRoutes(h.technicians())::mount,
            new StockRoutes(h.stock())::mount,
            new EquipmentRoutes(h.equipment(), h.serviceHistory())::mount,
            new PlanRoutes(h.planningJobs(), settings.trustedProxies())::mount,
            new BoardRoutes(h.dispatchBoard())::mount,
            new dev.callcenter.ui.ivr.IvrRoutes(ivrMenus)::mount,
            new FieldRoutes(
                    h.fieldWork(),
                    h.dispatch(),
                    kb.tickets(),
                    kb.service(),
                    settings.trustedProxies(),
                    h.planningZone(),
                    clock)
                ::mount,
            kbRoutes::mount));
  }
}
