package io.github.camelbtp.connectivity.destination;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscriber's token URL [calling-the-destination-service-rest-api-84c5d38]. */
class SubscriberTokenUrlTest {

    @Test
    void subscriberSubdomainReplacesTheProvidersFirstLabel() {
        URI provider = URI.create("https://provider-sub.authentication.eu10.hana.ondemand.com/oauth/token");

        assertThat(SubscriberTokenUrl.of(provider, "acme"))
                .isEqualTo(URI.create("https://acme.authentication.eu10.hana.ondemand.com/oauth/token"));
    }

    @Test
    void loopbackHostsCarryTheTenantInThePath() {
        assertThat(SubscriberTokenUrl.of(URI.create("http://127.0.0.1:4711/oauth/token"), "acme"))
                .isEqualTo(URI.create("http://127.0.0.1:4711/tenants/acme/oauth/token"));
    }

    @Test
    void tenantIdsAreNotSubdomains() {
        assertThat(SubscriberTokenUrl.isSubdomain("9acf4877-5b2a-4c52-8c0e-5b2a4c528c0e")).isFalse();
        assertThat(SubscriberTokenUrl.isTenantId("9acf4877-5b2a-4c52-8c0e-5b2a4c528c0e")).isTrue();
        assertThat(SubscriberTokenUrl.isSubdomain("acme-prod")).isTrue();
    }
}
