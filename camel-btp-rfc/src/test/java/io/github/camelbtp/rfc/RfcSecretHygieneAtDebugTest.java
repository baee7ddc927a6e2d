package io.github.camelbtp.rfc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret hygiene at DEBUG for btp-rfc (issue 11): RFC logon with user and password, principal propagation and a
 * rejected password, through the Cloud Connector with the connectivity token, with camel-btp's, Camel's and Apache
 * HttpClient's loggers at DEBUG (HttpClient's raw-traffic loggers off, see docs/security.md): no password, Basic
 * credential, client secret or token in any line or message.
 */
class RfcSecretHygieneAtDebugTest extends BtpRfcTestSupport {

    private static final String WRONG_PASSWORD = "rfc-hygiene-wrong-4b1e";
    private static final List<String> DEBUG = List.of("io.github.camelbtp", "org.apache.camel", "org.apache.hc");
    private static final List<String> OFF = List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.impl.classic.MainClientExec", "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec");

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rfcLogonFlowsLogNoSecretAtDebug() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        AbstractAppender appender = new AbstractAppender("rfc-hygiene", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringWriter text = new StringWriter().append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    event.getThrown().printStackTrace(new PrintWriter(text));
                }
                lines.add(text.toString());
            }
        };
        appender.start();
        Map<String, LoggerConfig> previous = new HashMap<>();
        for (String name : DEBUG) {
            previous.put(name, config.getLoggers().get(name));
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
            logger.addAppender(appender, Level.DEBUG, null);
            config.addLogger(name, logger);
        }
        for (String name : OFF) {
            config.addLogger(name, new LoggerConfig(name, Level.OFF, false));
        }
        logging.updateLoggers();
        String userToken = sandbox().userToken("alice");
        List<Exchange> exchanges = new ArrayList<>();
        try {
            exchanges.add(call("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, map("REQUTEXT", "ok")));
            Map<String, String> propagation = new HashMap<>();
            propagation.put("jco.destination.auth_type", "PrincipalPropagation");
            propagation.put("jco.client.user", null);
            propagation.put("jco.client.passwd", null);
            String pp = rfcDestination("ERP_RFC_HYGIENE_PP", propagation);
            exchanges.add(template.request("btp-rfc:STFC_CONNECTION?destination=" + pp, e -> {
                e.getIn().setBody(map("REQUTEXT", "pp"));
                e.getIn().setHeader("Authorization", "Bearer " + userToken);
            }));
            String wrong = rfcDestination("ERP_RFC_HYGIENE_WRONG", Map.of("jco.client.passwd", WRONG_PASSWORD));
            exchanges.add(call("btp-rfc:STFC_CONNECTION?destination=" + wrong, map("REQUTEXT", "no")));
        } finally {
            for (String name : DEBUG) {
                config.removeLogger(name);
                if (previous.get(name) != null) {
                    config.addLogger(name, previous.get(name));
                }
            }
            OFF.forEach(config::removeLogger);
            logging.updateLoggers();
            appender.stop();
            sandbox().destinations().delete("ERP_RFC_HYGIENE_PP");
            sandbox().destinations().delete("ERP_RFC_HYGIENE_WRONG");
        }
        assertThat(exchanges.get(0).getException()).isNull();
        assertThat(exchanges.get(1).getException()).isNull();
        assertThat(exchanges.get(2).getException()).isNotNull();

        Set<String> secrets = new LinkedHashSet<>(List.of(DemoDestinations.RFC_PASSWORD, WRONG_PASSWORD, userToken,
                basic(DemoDestinations.RFC_USER, DemoDestinations.RFC_PASSWORD), basic(DemoDestinations.RFC_USER, WRONG_PASSWORD)));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        vcap.forEach(service -> secrets.add(service.get(0).path("credentials").path("clientsecret").asText()));
        List<RecordedRequest> seen = new ArrayList<>(sandbox().proxyRequests().all());
        seen.addAll(sandbox().backendRequests().all());
        for (RecordedRequest r : seen) {
            for (String header : List.of("Authorization", "Proxy-Authorization", "SAP-Connectivity-Authentication")) {
                r.headers(header).forEach(v -> secrets.add(v.substring(v.indexOf(' ') + 1)));
            }
        }
        secrets.removeIf(s -> s == null || s.length() < 8);
        List<String> texts = new ArrayList<>(lines);
        for (Exchange exchange : exchanges) {
            for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t));
            }
        }
        assertThat(lines).as("DEBUG lines were captured").isNotEmpty();
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a DEBUG line or message").doesNotContain(secret);
            }
        }
    }
}
