package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.DemoDestinations;
import org.apache.camel.Endpoint;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** mail.password and ldap.password never reach exception messages, DEBUG logs or endpoint URIs. */
class SocketSecretsTest extends BtpDestinationTestSupport {

    private static final String MAIL_SECRET = "Mail-Secret-" + System.nanoTime();
    private static final String LDAP_SECRET = "Ldap-Secret-" + System.nanoTime();

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;

    @BeforeEach
    void captureLogs() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new AbstractAppender("socket-secret-capture", null, null, true, Property.EMPTY_ARRAY) {
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
        for (String name : List.of("io.github.camelbtp", "org.apache.camel", "com.unboundid")) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
            logger.addAppender(appender, Level.DEBUG, null);
            config.addLogger(name, logger);
        }
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        for (String name : List.of("io.github.camelbtp", "org.apache.camel", "com.unboundid")) {
            config.removeLogger(name);
        }
        ctx.updateLoggers();
        appender.stop();
    }

    @Test
    void failedMailAndLdapLoginsNeverShowThePasswords() {
        Map<String, String> mail = new LinkedHashMap<>();
        mail.put("Name", "MailSecret");
        mail.put("Type", "MAIL");
        mail.put("ProxyType", "OnPremise");
        mail.put("mail.smtp.host", DemoDestinations.MAIL_VIRTUAL_HOST);
        mail.put("mail.smtp.port", "25");
        mail.put("mail.smtp.auth", "true");
        mail.put("mail.user", DemoDestinations.MAIL_USER);
        mail.put("mail.password", MAIL_SECRET);
        sandbox().destinations().putSubaccount(mail);
        sandbox().destinations().putSubaccount(Map.of("Name", "LdapSecret", "Type", "LDAP", "ldap.proxyType", "OnPremise",
                "ldap.url", "ldap://ldap.internal:389", "ldap.authentication", "BasicAuthentication",
                "ldap.user", DemoDestinations.LDAP_BIND_DN, "ldap.password", LDAP_SECRET));

        Exception mailFailure = call("btp-destination:MailSecret", "x", Map.of("To", DemoDestinations.INBOX_USER)).getException();
        Exception ldapFailure = call("btp-destination:LdapSecret?ldapBaseDn=dc=corp,dc=example", null, Map.of()).getException();

        assertThat(mailFailure).isNotNull();
        assertThat(ldapFailure).isNotNull();
        for (Exception failure : List.of(mailFailure, ldapFailure)) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t)).doesNotContain(MAIL_SECRET).doesNotContain(LDAP_SECRET);
            }
        }
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(MAIL_SECRET) || line.contains(LDAP_SECRET));
        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(MAIL_SECRET).doesNotContain(LDAP_SECRET);
        }
        assertThat(component().connectivity().destination("MailSecret", io.github.camelbtp.connectivity.DestinationOptions.NONE)
                .toString()).doesNotContain(MAIL_SECRET);
    }
}
