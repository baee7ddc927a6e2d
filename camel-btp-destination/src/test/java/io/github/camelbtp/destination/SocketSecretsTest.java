package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.demo.DemoDestinations;
import org.apache.camel.Endpoint;










import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** mail.password and ldap.password never reach exception messages, DEBUG logs or endpoint URIs. */
class SocketSecretsTest extends BtpDestinationTestSupport {

    private static final String MAIL_SECRET = "Mail-Secret-" + System.nanoTime();
    private static final String LDAP_SECRET = "Ldap-Secret-" + System.nanoTime();

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture("io.github.camelbtp", "org.apache.camel", "com.unboundid");

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
        assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(MAIL_SECRET) || line.contains(LDAP_SECRET));
        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(MAIL_SECRET).doesNotContain(LDAP_SECRET);
        }
        assertThat(component().connectivity().destination("MailSecret", io.github.camelbtp.connectivity.DestinationOptions.NONE)
                .toString()).doesNotContain(MAIL_SECRET);
    }
}
