package io.github.camelbtp.destination;

import io.github.camelbtp.component.BtpAuditEvent;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail (issue 13 §4): one line by the logger {@code io.github.camelbtp.audit} and one {@link BtpAuditEvent}
 * for the context's event notifiers per Cloud Connector denial, token failure, rejected credential and stale serve;
 * never a secret in either.
 */
class BtpAuditTest extends BtpDestinationTestSupport {

    private static final String SALES = DemoDestinations.SALES_SERVICE_PATH + "/A_SalesOrder?$top=1";
    private static final String ORDERS = "btp-destination:OnPremiseERP" + SALES;
    private static final String WRONG_PASSWORD = "Wr0ng-Audit-Passw0rd-4417";

    /** The root logger's lines (each line once), where the audit logger's INFO lines arrive. */
    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture();

    private final MovableClock clock = new MovableClock();
    private final List<BtpAuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void configure(BtpDestinationComponent component) {
        useEngineWithClock(component, clock);
    }

    /** What an application does to subscribe: an event notifier on the context's management strategy. */
    @BeforeEach
    void subscribe() throws Exception {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof BtpAuditEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                events.add((BtpAuditEvent) event);
            }
        };
        context.getManagementStrategy().addEventNotifier(notifier);
        notifier.start();
    }

    @AfterEach
    void cleanUp() {
        component().connectivity().close();
        sandbox().destinations().delete("ERPWrongPassword");
    }

    private List<String> auditLines(String event) {
        return logs.lines().stream().filter(l -> l.startsWith("event=" + event + " ")).toList();
    }

    private List<BtpAuditEvent> events(BtpAuditEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void aCloudConnectorDenialIsOneAuditLineAndOneEvent() {
        get("btp-destination:OnPremiseERP/sap/bc/adt/discovery"); // the path is not allowed in the Cloud Connector

        assertThat(auditLines("cloud_connector_denial")).singleElement().asString()
                .contains("destination=OnPremiseERP").contains("location=\"\"").contains("code=403")
                .contains("Access denied to system erp.internal:44300");
        assertThat(events(BtpAuditEvent.Kind.CLOUD_CONNECTOR_DENIAL)).singleElement().satisfies(e -> {
            assertThat(e.destination()).isEqualTo("OnPremiseERP");
            assertThat(e.fields()).containsEntry("code", "403").containsEntry("location", "");
            assertThat(e.getType()).isEqualTo(CamelEvent.Type.Custom);
            assertThat(e.getSource()).isSameAs(context);
        });
    }

    @Test
    void aTokenFailureIsOneAuditLineAndOneEvent() {
        sandbox().faults().tokenServiceFailure(503);

        assertThat(get(ORDERS).getException()).isNotNull();

        assertThat(auditLines("token_failure")).singleElement().asString().contains("source=destination-service")
                .contains("destination=OnPremiseERP").contains("code=server_error");
        assertThat(events(BtpAuditEvent.Kind.TOKEN_FAILURE)).singleElement().satisfies(e ->
                assertThat(e.fields()).containsEntry("source", "destination-service").containsEntry("code", "server_error"));
    }

    @Test
    void rejectedCredentialsAreOneAuditLineAndOneEvent() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPWrongPassword", Map.of("Password", WRONG_PASSWORD)));

        assertThat(get("btp-destination:ERPWrongPassword" + SALES).getException()).isNotNull();

        assertThat(auditLines("credentials_rejected")).singleElement().asString()
                .contains("destination=ERPWrongPassword").contains("authentication=BasicAuthentication")
                .contains("status=401").contains("credentials_dropped=true");
        assertThat(events(BtpAuditEvent.Kind.CREDENTIALS_REJECTED)).singleElement().satisfies(e ->
                assertThat(e.fields()).containsEntry("destination", "ERPWrongPassword")
                        .containsEntry("credentials_dropped", "true"));
    }

    @Test
    void aStaleServeIsOneAuditLineAndOneEvent() {
        assertThat(get(ORDERS).getException()).isNull();
        clock.advance(Duration.ofMinutes(6)); // past the TTL, within maxStale
        sandbox().faults().destinationServiceDown(true);

        assertThat(get(ORDERS).getException()).isNull();

        assertThat(auditLines("stale_serve")).singleElement().asString().isEqualTo("event=stale_serve destination=OnPremiseERP");
        assertThat(events(BtpAuditEvent.Kind.STALE_SERVE)).singleElement()
                .satisfies(e -> assertThat(e.destination()).isEqualTo("OnPremiseERP"));
    }

    @Test
    void aSuccessfulExchangeLeavesNoAuditTrail() {
        assertThat(get(ORDERS).getException()).isNull();
        assertThat(get(ORDERS).getException()).isNull();

        assertThat(logs.lines()).noneMatch(l -> l.startsWith("event="));
        assertThat(events).isEmpty();
    }

    @Test
    void noAuditLineOrEventCarriesAPasswordOrAToken() {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPWrongPassword", Map.of("Password", WRONG_PASSWORD)));
        get("btp-destination:ERPWrongPassword" + SALES);
        get("btp-destination:OnPremiseERP/sap/bc/adt/discovery");
        sandbox().faults().tokenServiceFailure(401);
        component().connectivity().invalidate("OnPremiseERP");
        get(ORDERS);

        List<String> secrets = new java.util.ArrayList<>(List.of(WRONG_PASSWORD, DemoDestinations.SALES_PASSWORD));
        sandbox().backendRequests().all().forEach(r -> {
            String auth = r.header("Authorization");
            if (auth != null && auth.contains(" ")) {
                secrets.add(auth.substring(auth.indexOf(' ') + 1));
            }
        });
        List<String> texts = new java.util.ArrayList<>(logs.lines().stream().filter(l -> l.startsWith("event=")).toList());
        events.forEach(e -> {
            texts.add(e.toString());
            texts.addAll(e.fields().values());
        });
        assertThat(texts).hasSizeGreaterThan(3);
        for (String text : texts) {
            assertThat(text).doesNotContain("eyJ").doesNotContain("Bearer ").doesNotContain("Basic ");
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
