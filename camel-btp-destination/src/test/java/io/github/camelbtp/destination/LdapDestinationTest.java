package io.github.camelbtp.destination;

import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.camelbtp.connectivity.CloudConnectorException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.destination.ldap.LdapException;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import io.github.camelbtp.sandbox.onpremise.DemoDirectory;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** LDAP destinations against the sandbox's in-memory directory, through SOCKS5 and the Cloud Connector and directly. */
class LdapDestinationTest extends BtpDestinationTestSupport {

    private static final String PEOPLE = "ou=people," + DemoDestinations.LDAP_BASE_DN;
    private static final String LDAP = "btp-destination:CorporateLDAP";

    @BeforeEach
    void freshDirectory() {
        sandbox().directory().reset();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void onPremiseSearchReturnsEntriesAsMapsWithDnAndAttributes() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapFilter=(uid={uid})",
                null, Map.of(BtpDestinationConstants.LDAP_FILTER_VALUES, Map.of("uid", "emp001")));

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("dn", "uid=emp001," + PEOPLE).containsEntry("cn", "Employee 1")
                .containsEntry("mail", "emp001@corp.example");
        assertThat(entries.get(0).get("objectClass")).isInstanceOf(List.class);
        assertThat(sandbox().socks5Proxy().tunnels()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void searchReturnsOnlyTheRequestedAttributes() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapFilter=(departmentNumber=Sales)&ldapAttributes=uid,mail",
                null, Map.of());

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries).hasSize(5);
        entries.forEach(entry -> assertThat(entry.keySet()).containsExactlyInAnyOrder("dn", "uid", "mail"));
    }

    @Test
    void filterValuesAreEscapedSoTheyCannotWidenTheFilter() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapFilter=(uid={uid})", null,
                Map.of(BtpDestinationConstants.LDAP_FILTER_VALUES, Map.of("uid", "*)(uid=*")));

        assertThat(entries(exchange)).isEmpty();
    }

    @Test
    void pagedSearchReturnsMoreEntriesThanOnePage() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapScope=one&ldapPageSize=7&ldapAttributes=uid",
                null, Map.of());

        assertThat(entries(exchange)).hasSize(DemoDirectory.PEOPLE);
    }

    @Test
    void sizeLimitCapsAPagedResult() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapScope=one&ldapPageSize=4&ldapSizeLimit=10", null, Map.of());

        assertThat(entries(exchange)).hasSize(10);
    }

    @Test
    void sizeLimitCapsTheResult() {
        Exchange exchange = call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapScope=one&ldapSizeLimit=3", null, Map.of());

        assertThat(entries(exchange)).hasSize(3);
    }

    @Test
    void addModifyAndDeleteAnEntry() throws Exception {
        String dn = "uid=newhire," + PEOPLE;
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("objectClass", List.of("top", "person", "organizationalPerson", "inetOrgPerson"));
        person.put("uid", "newhire");
        person.put("cn", "New Hire");
        person.put("sn", "Hire");

        Exchange added = call(LDAP + "?ldapOperation=add", person, Map.of(BtpDestinationConstants.LDAP_DN, dn));
        assertThat(added.getException()).isNull();
        assertThat(sandbox().directory().server().getEntry(dn).getAttributeValue("cn")).isEqualTo("New Hire");

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("mail", "new.hire@corp.example");
        changes.put("cn", "Newly Hired");
        Exchange modified = call(LDAP, changes, Map.of(BtpDestinationConstants.LDAP_OPERATION, "modify",
                BtpDestinationConstants.LDAP_DN, dn));
        assertThat(modified.getException()).isNull();
        SearchResultEntry entry = sandbox().directory().server().getEntry(dn);
        assertThat(entry.getAttributeValue("mail")).isEqualTo("new.hire@corp.example");
        assertThat(entry.getAttributeValue("cn")).isEqualTo("Newly Hired");

        Exchange deleted = call(LDAP + "?ldapOperation=delete&ldapDn=" + dn, null, Map.of());
        assertThat(deleted.getException()).isNull();
        assertThat(sandbox().directory().server().getEntry(dn)).isNull();
    }

    @Test
    void bindChecksAPasswordWithoutChangingThePoolsIdentity() {
        String service = DemoDestinations.LDAP_BIND_DN;

        Exchange good = call(LDAP + "?ldapOperation=bind", DemoDestinations.LDAP_PASSWORD, Map.of(BtpDestinationConstants.LDAP_DN, service));
        Exchange bad = call(LDAP + "?ldapOperation=bind", "wrong", Map.of(BtpDestinationConstants.LDAP_DN, service));

        assertThat(good.getMessage().getBody()).isEqualTo(true);
        assertThat(bad.getMessage().getBody()).isEqualTo(false);
        // still bound as the service account: searching (which needs authentication) works
        assertThat(entries(call(LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapFilter=(uid=emp002)", null, Map.of()))).hasSize(1);
    }

    @Test
    void droppedConnectionIsReEstablished() {
        String uri = LDAP + "?ldapBaseDn=" + PEOPLE + "&ldapFilter=(uid=emp003)";
        assertThat(entries(call(uri, null, Map.of()))).hasSize(1);

        sandbox().directory().server().closeAllConnections(false);

        assertThat(entries(call(uri, null, Map.of()))).hasSize(1);
    }

    @Test
    void internetDestinationConnectsDirectly() {
        sandbox().destinations().putSubaccount(Map.of("Name", "DirectoryInternet", "Type", "LDAP",
                "ldap.url", "ldap://127.0.0.1:" + sandbox().directory().port(), "ldap.authentication", "BasicAuthentication",
                "ldap.user", DemoDestinations.LDAP_BIND_DN, "ldap.password", DemoDestinations.LDAP_PASSWORD));

        Exchange exchange = call("btp-destination:DirectoryInternet?ldapBaseDn=" + PEOPLE + "&ldapFilter=(uid=emp004)",
                null, Map.of());

        assertThat(entries(exchange)).hasSize(1);
        assertThat(sandbox().socks5Proxy().tunnels()).isZero();
    }

    @Test
    void wrongPasswordIsLdapExceptionWithoutThePassword() {
        String password = "Wrong-Secret-" + System.nanoTime();
        sandbox().destinations().putSubaccount(ldap("DirectoryWrongPassword", Map.of("ldap.password", password)));

        Exception e = call("btp-destination:DirectoryWrongPassword?ldapBaseDn=" + PEOPLE, null, Map.of()).getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("DirectoryWrongPassword").contains("invalid credentials")
                .contains("ldap.password").doesNotContain(password);
    }

    @Test
    void unknownLocationIdIsCloudConnectorException() {
        sandbox().destinations().putSubaccount(ldap("DirectoryNowhere", Map.of("CloudConnectorLocationId", "Nowhere")));

        Exception e = call("btp-destination:DirectoryNowhere?ldapBaseDn=" + PEOPLE, null, Map.of()).getException();

        assertThat(e).isInstanceOf(CloudConnectorException.class);
        assertThat(((CloudConnectorException) e).status()).isEqualTo(3);
    }

    @Test
    void ldapsOnPremiseIsAConfigurationErrorThatExplainsTheTunnel() {
        sandbox().destinations().putSubaccount(ldap("DirectoryLdaps", Map.of("ldap.url", "ldaps://ldap.internal:636")));

        Exception e = call("btp-destination:DirectoryLdaps?ldapBaseDn=" + PEOPLE, null, Map.of()).getException();

        assertThat(e).isInstanceOf(DestinationConfigurationException.class);
        assertThat(e.getMessage()).contains("DirectoryLdaps").contains("'ldap.url'").contains("ldap://");
    }

    @Test
    void modifyWithoutDnIsLdapExceptionNamingTheHeader() {
        Exception e = call(LDAP + "?ldapOperation=modify", Map.of("cn", "x"), Map.of()).getException();

        assertThat(e).isInstanceOf(LdapException.class);
        assertThat(e.getMessage()).contains("CorporateLDAP").contains("CamelBtpLdapDn");
    }

    private static Map<String, String> ldap(String name, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", name);
        properties.put("Type", "LDAP");
        properties.put("ldap.proxyType", "OnPremise");
        properties.put("ldap.url", "ldap://ldap.internal:389");
        properties.put("ldap.authentication", "BasicAuthentication");
        properties.put("ldap.user", DemoDestinations.LDAP_BIND_DN);
        properties.put("ldap.password", DemoDestinations.LDAP_PASSWORD);
        properties.putAll(extra);
        return properties;
    }
}
