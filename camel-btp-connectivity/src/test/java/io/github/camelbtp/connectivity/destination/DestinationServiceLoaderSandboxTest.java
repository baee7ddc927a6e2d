package io.github.camelbtp.connectivity.destination;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DestinationServiceException;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.connectivity.support.Secrets;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Finding destinations: the Destination Service's find API, and the order of the sources in front of it. */
@ExtendWith(SandboxExtension.class)
class DestinationServiceLoaderSandboxTest {

    private final Engines engines = new Engines();

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void findReturnsTheDestinationWithItsPropertiesAndTokens(Sandbox sandbox) {
        Destination erp = engines.bound(sandbox).destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(erp.source()).isEqualTo(DestinationServiceLoader.SOURCE);
        assertThat(erp.properties()).containsEntry("URL", "http://erp.internal:44300").containsEntry("ProxyType", "OnPremise")
                .containsEntry("Authentication", "BasicAuthentication");
        assertThat(erp.authTokens()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("Basic");
            assertThat(t.headerName()).isEqualTo("Authorization");
            assertThat(t.failed()).isFalse();
        });
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void oauthTokenOfTheServiceCarriesItsExpiry(Sandbox sandbox) {
        Destination cloud = engines.bound(sandbox).destination("CloudSalesAPI", DestinationOptions.NONE);

        assertThat(cloud.authTokens()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("bearer");
            assertThat(t.expiresAt()).isNotNull();
        });
        assertThat(cloud.earliestTokenExpiry()).isPresent();
    }

    @Test
    void instanceLevelDestinationWinsOverSubaccountLevel(Sandbox sandbox) {
        sandbox.destinations().putSubaccount(Map.of("Name", "TwoLevels", "Type", "HTTP", "URL", "http://subaccount.example"));
        sandbox.destinations().putInstance(Map.of("Name", "TwoLevels", "Type", "HTTP", "URL", "http://instance.example"));
        try {
            Destination d = engines.bound(sandbox).destination("TwoLevels", DestinationOptions.NONE);

            assertThat(d.properties()).containsEntry("URL", "http://instance.example");
        } finally {
            sandbox.destinations().delete("TwoLevels");
        }
    }

    @Test
    void unknownNameIsNotFoundNamingEverySourceSearched(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b.environmentDestinations("[]")
                .staticDestinations(List.of(Destination.of("Other", Map.of("URL", "http://x"), StaticDestinationLoader.SOURCE))));

        DestinationNotFoundException e = catchThrowableOfType(DestinationNotFoundException.class,
                () -> engine.destination("NoSuchDestination", DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("'NoSuchDestination'").contains(StaticDestinationLoader.SOURCE)
                .contains(EnvironmentDestinationLoader.SOURCE)
                .contains(DestinationServiceLoader.SOURCE + " at " + sandbox.destinationServiceUri().getAuthority());
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void invalidNameIsRejectedWithoutARequestToTheService(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.destination("../subaccountDestinations", DestinationOptions.NONE));
        catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.resolve("OnPremiseERP?$skipTokenRetrieval=true", DestinationOptions.NONE));

        assertThat(sandbox.counters().destinationLookups()).isZero();
        assertThat(sandbox.counters().tokenGrants()).isZero();
    }

    @Test
    void staticConfigurationWinsOverEnvironmentAndServiceWithoutAnyLookup(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b
                .environmentDestinations("[{\"name\":\"OnPremiseERP\",\"url\":\"http://from-environment\"}]")
                .staticDestinations(List.of(Destination.of("OnPremiseERP", Map.of("URL", "http://from-static"), StaticDestinationLoader.SOURCE))));

        Destination d = engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(d.source()).isEqualTo(StaticDestinationLoader.SOURCE);
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void environmentVariableWinsOverTheServiceWithoutAnyLookup(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b
                .environmentDestinations("[{\"name\":\"OnPremiseERP\",\"url\":\"http://from-environment\"}]"));

        Destination d = engine.destination("OnPremiseERP", DestinationOptions.NONE);

        assertThat(d.source()).isEqualTo(EnvironmentDestinationLoader.SOURCE);
        assertThat(d.properties()).containsEntry("URL", "http://from-environment");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void serviceIsAskedWhenNeitherStaticNorEnvironmentKnowTheName(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox, b -> b
                .environmentDestinations("[{\"name\":\"EnvOnly\",\"url\":\"http://from-environment\"}]")
                .staticDestinations(List.of(Destination.of("StaticOnly", Map.of("URL", "http://from-static"), StaticDestinationLoader.SOURCE))));

        assertThat(engine.destination("PublicCatalog", DestinationOptions.NONE).source()).isEqualTo(DestinationServiceLoader.SOURCE);
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(1);
    }

    @Test
    void serviceDownIsADestinationServiceExceptionWithStatusAndErrorMessage(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);
        sandbox.faults().destinationServiceDown(true);

        DestinationServiceException e = catchThrowableOfType(DestinationServiceException.class,
                () -> engine.destination("OnPremiseERP", DestinationOptions.NONE));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.errorMessage()).isEqualTo("Service Unavailable");
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("503").contains("'OnPremiseERP'").contains(sandbox.destinationServiceUri().getAuthority());
        Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
    }

    @Test
    void rejectedBindingTokenIsRetriedOnceThenA401ThatIsNotTransient(Sandbox sandbox) throws Exception {
        // a client the token service knows, but not the destination binding's: the find API answers 401
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode vcap = (ObjectNode) mapper.readTree(sandbox.vcapServices());
        ObjectNode destination = (ObjectNode) vcap.path("destination").path(0).path("credentials");
        destination.put("clientid", Engines.credential(sandbox, "connectivity", "clientid"));
        destination.put("clientsecret", Engines.credential(sandbox, "connectivity", "clientsecret"));
        BtpConnectivity engine = engines.add(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(mapper.writeValueAsString(vcap)))
                .environmentDestinations(null).build());

        DestinationServiceException e = catchThrowableOfType(DestinationServiceException.class,
                () -> engine.destination("OnPremiseERP", DestinationOptions.NONE));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("clientid/clientsecret");
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(2);
        assertThat(sandbox.counters().tokenGrants()).isEqualTo(2);
        Secrets.assertFreeOf(Secrets.describe(e), Engines.bindingSecrets(sandbox));
    }
}
