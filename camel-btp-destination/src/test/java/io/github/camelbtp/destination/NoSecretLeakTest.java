package io.github.camelbtp.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.TokenException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No password, client secret or token in exception messages, logs (DEBUG), endpoint URIs or toString(). */
class NoSecretLeakTest extends BtpDestinationTestSupport {

    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-7731";
    private static final String BAD_CLIENT_SECRET = "Very-Secret-Client-Secret-5521";

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;
    private final Map<String, Level> previousLevels = new HashMap<>();

    @BeforeEach
    void captureLogs() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new AbstractAppender("secret-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                logLines.add(line.toString());
            }
        };
        appender.start();
        for (String name : List.of("io.github.camelbtp", "org.apache.camel")) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
            logger.addAppender(appender, Level.DEBUG, null);
            config.addLogger(name, logger);
        }
        config.getRootLogger().addAppender(appender, Level.DEBUG, null);
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.removeLogger("io.github.camelbtp");
        config.removeLogger("org.apache.camel");
        config.getRootLogger().removeAppender("secret-capture");
        ctx.updateLoggers();
        appender.stop();
    }

    @Test
    void failuresAndDebugLogsNeverShowPasswordsClientSecretsOrTokens() throws Exception {
        sandbox().destinations().putSubaccount(OnPremiseHttpTest.erp("ERPWrongPassword", Map.of("Password", WRONG_PASSWORD)));
        sandbox().destinations().putSubaccount(Map.of("Name", "CloudBadSecret", "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().cloudApiUri().toString(), "Authentication", "OAuth2ClientCredentials",
                "tokenServiceURL", sandbox().tokenServiceUri() + "/oauth/token", "clientId", "no-such-client",
                "clientSecret", BAD_CLIENT_SECRET));

        List<Exception> failures = new ArrayList<>();
        failures.add(get("btp-destination:ERPWrongPassword/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder").getException());
        failures.add(get("btp-destination:CloudBadSecret/api/v1/products").getException());
        Exchange ok = get("btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1");
        assertThat(ok.getException()).isNull();
        assertThat(failures.get(0)).isNotNull();
        assertThat(failures.get(1)).isInstanceOf(TokenException.class).hasMessageContaining("CloudBadSecret");

        List<String> secrets = secrets();
        List<String> texts = new ArrayList<>(logLines);
        for (Exception e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.getEndpointUri());
            texts.add(endpoint.toString());
        }
        texts.add(component().connectivity().toString());
        texts.add(component().connectivity().resolve("OnPremiseERP", io.github.camelbtp.connectivity.DestinationOptions.NONE).toString());
        texts.add(component().connectivity().destination("OnPremiseERP", io.github.camelbtp.connectivity.DestinationOptions.NONE).toString());

        assertThat(logLines).isNotEmpty();
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, message or URI").doesNotContain(secret);
            }
        }
    }

    /** Every secret in play: binding client secrets, destination passwords, and the tokens that reached the servers. */
    private List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(WRONG_PASSWORD, BAD_CLIENT_SECRET,
                io.github.camelbtp.sandbox.DemoDestinations.SALES_PASSWORD));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        secrets.add(vcap.path("destination").get(0).path("credentials").path("clientsecret").asText());
        secrets.add(vcap.path("connectivity").get(0).path("credentials").path("clientsecret").asText());
        sandbox().backendRequests().all().forEach(r -> {
            String auth = r.header("Authorization");
            if (auth != null && auth.contains(" ")) {
                secrets.add(auth.substring(auth.indexOf(' ') + 1));
            }
        });
        secrets.removeIf(s -> s == null || s.length() < 8);
        assertThat(secrets).hasSizeGreaterThan(4);
        return secrets;
    }
}
