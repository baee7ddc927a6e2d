package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything logged while calls succeed and fail (camel-btp at DEBUG, Camel's error handler) carries no secret. */
class SecretsInLogsTest extends BtpRfcTestSupport {

    private static final String WRONG_PASSWORD = "Wrong-Rfc-Secret-7c1d";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ping").to("btp-rfc:RFC_PING?destination=ERP_RFC_LOG_SECRET");
            }
        };
    }

    @Test
    void callsAndFailuresLogNoPasswordSecretOrToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("rfc-capture", null, null, true, Property.EMPTY_ARRAY) {
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
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.addAppender(appender, null, null);
        LoggerConfig btp = logging.getConfiguration().getLoggerConfig("io.github.camelbtp");
        btp.addAppender(appender, null, null);
        logging.updateLoggers();
        try {
            rfcDestination("ERP_RFC_LOG_SECRET", Map.of("jco.client.passwd", WRONG_PASSWORD));
            rfc("btp-rfc:STFC_CONNECTION?destination=" + ERP_RFC, map("REQUTEXT", "ok"));
            call("btp-rfc:BAPI_SALESORDER_CREATEFROMDAT2?destination=" + ERP_RFC + "&commit=true", map());
            call("direct:ping", null); // fails with 401; Camel's error handler logs it
        } finally {
            root.removeAppender(appender.getName());
            btp.removeAppender(appender.getName());
            logging.updateLoggers();
            appender.stop();
        }

        String logged = String.join("\n", lines);
        assertThat(logged).contains("ERP_RFC_LOG_SECRET"); // the failure was logged, naming the destination
        for (String secret : secrets()) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    private List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(DemoDestinations.RFC_PASSWORD, WRONG_PASSWORD,
                basic(DemoDestinations.RFC_USER, DemoDestinations.RFC_PASSWORD), basic(DemoDestinations.RFC_USER, WRONG_PASSWORD)));
        JsonNode vcap = new ObjectMapper().readTree(sandbox().vcapServices());
        vcap.forEach(service -> secrets.add(service.get(0).get("credentials").get("clientsecret").asText()));
        return secrets;
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
