package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscriber's token URL [multitenancy-in-the-destination-service-4e07f25]. */
class SubscriberTokenUrlTest {

    private static final URI PROVIDER = URI.create("https://provider-sub.authentication.eu10.hana.ondemand.com/oauth/token");

    @Test
    void subscriberSubdomainReplacesTheProvidersFirstLabel() {
        assertThat(SubscriberTokenUrl.of(PROVIDER, null, "acme", "destination", "D"))
                .isEqualTo(URI.create("https://acme.authentication.eu10.hana.ondemand.com/oauth/token"));
    }

    @Test
    void uaaDomainIsPreferredOverTheUrlsHost() {
        // a provider subdomain with dots of its own would lose them with "everything after the first dot"
        URI dotted = URI.create("https://provider.eu.authentication.eu10.hana.ondemand.com/oauth/token");

        assertThat(SubscriberTokenUrl.of(dotted, "authentication.eu10.hana.ondemand.com", "acme", "destination", "D"))
                .isEqualTo(URI.create("https://acme.authentication.eu10.hana.ondemand.com/oauth/token"));
    }

    @Test
    void portOfTheUrlIsKeptUnlessTheUaaDomainNamesOne() {
        URI local = URI.create("https://sandbox.authentication.sandbox.test:8443/oauth/token");

        assertThat(SubscriberTokenUrl.of(local, "authentication.sandbox.test", "acme", "destination", "D"))
                .isEqualTo(URI.create("https://acme.authentication.sandbox.test:8443/oauth/token"));
        assertThat(SubscriberTokenUrl.of(local, "authentication.sandbox.test:9443", "acme", "destination", "D"))
                .isEqualTo(URI.create("https://acme.authentication.sandbox.test:9443/oauth/token"));
    }

    @Test
    void urlWithoutSubdomainIsAConfigurationErrorNamingTheBindingKeyAndTheFix() {
        for (String url : new String[] {"http://127.0.0.1:4711/oauth/token", "http://localhost:4711/oauth/token",
                "http://[::1]:4711/oauth/token"}) {
            assertThatThrownBy(() -> SubscriberTokenUrl.of(URI.create(url), null, "acme", "connectivity", "AcmeERP"))
                    .as(url)
                    .isInstanceOf(DestinationConfigurationException.class)
                    .hasMessageContaining("AcmeERP")
                    .hasMessageContaining("connectivity.credentials.url")
                    .hasMessageContaining("acme")
                    .hasMessageContaining("uaadomain")
                    .hasMessageContaining("x-zid")
                    .satisfies(e -> assertThat(((DestinationConfigurationException) e).property())
                            .isEqualTo("connectivity.credentials.url"));
        }
    }

    @Test
    void tenantIdsAreNotSubdomains() {
        assertThat(SubscriberTokenUrl.isSubdomain("9acf4877-5b2a-4c52-8c0e-5b2a4c528c0e")).isFalse();
        assertThat(SubscriberTokenUrl.isTenantId("9acf4877-5b2a-4c52-8c0e-5b2a4c528c0e")).isTrue();
        assertThat(SubscriberTokenUrl.isSubdomain("acme-prod")).isTrue();
    }
}
