package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationNotFoundException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.support.Engines;
import io.github.camelbtp.sandbox.Sandbox;
import io.github.camelbtp.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Several fragments [extending-destinations-with-fragments-f56600a] and names with a level, which the engine looks up
 * with the consume API [referring-resources-using-the-consume-rest-api-78ba73a], against the sandbox.
 */
@ExtendWith(SandboxExtension.class)
class FragmentsAndLevelsSandboxTest {

    private final Engines engines = new Engines();

    @BeforeEach
    void destinationsAndFragments(Sandbox sandbox) {
        sandbox.destinations()
                .putSubaccount(Map.of("Name", "Leveled", "Type", "HTTP", "URL", "http://subaccount.example",
                        "ProxyType", "Internet", "Authentication", "NoAuthentication"))
                .putInstance(Map.of("Name", "Leveled", "Type", "HTTP", "URL", "http://instance.example",
                        "ProxyType", "Internet", "Authentication", "NoAuthentication"))
                .putSubaccount(Map.of("Name", "SubaccountOnly", "Type", "HTTP", "URL", "http://only.example",
                        "ProxyType", "Internet", "Authentication", "NoAuthentication"))
                .putFragment(Map.of("FragmentName", "path", "URL", "http://subaccount.example/tenant-a", "mark", "path"))
                .putFragment(Map.of("FragmentName", "mark", "mark", "mark"))
                .putInstanceFragment(Map.of("FragmentName", "path", "URL", "http://instance.example/tenant-b"));
    }

    @AfterEach
    void close(Sandbox sandbox) {
        engines.close();
        sandbox.destinations().delete("Leveled");
        sandbox.destinations().delete("SubaccountOnly");
        sandbox.destinations().deleteFragment("path");
        sandbox.destinations().deleteFragment("mark");
        sandbox.destinations().deleteInstanceFragment("path");
    }

    private static DestinationOptions fragments(String names, boolean optional) {
        return DestinationOptions.builder().fragment(names, optional).build();
    }

    @Test
    void severalFragmentsAreMergedInOrderAndNamedInFragmentName(Sandbox sandbox) {
        Destination d = engines.bound(sandbox).destination("SubaccountOnly", fragments("path, mark", false));

        assertThat(d.properties()).containsEntry("URL", "http://subaccount.example/tenant-a")
                .containsEntry("mark", "mark").containsEntry("FragmentName", "path,mark");
    }

    @Test
    void unknownFragmentIsAConfigurationErrorNamingDestinationAndFragment(Sandbox sandbox) {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).destination("SubaccountOnly", fragments("path,nowhere", false)));

        assertThat(e.getMessage()).contains("'SubaccountOnly'").contains("nowhere").contains("fragmentOptional");
    }

    @Test
    void optionalWithTwoFragmentsIsRefusedWithoutALookup(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.destination("SubaccountOnly", fragments("path,mark", true)));

        assertThat(e.getMessage()).contains("'SubaccountOnly'").contains("fragmentOptional").contains("single fragment");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void invalidFragmentNameIsRefusedWithoutALookup(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engine.destination("SubaccountOnly", fragments("path,../x", false)));

        assertThat(e.getMessage()).contains("'SubaccountOnly'").contains("'../x'").contains("fragmentName");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void nameAtInstanceAndAtSubaccountPickTheLevel(Sandbox sandbox) {
        BtpConnectivity engine = engines.bound(sandbox);

        assertThat(engine.destination("Leveled@instance", DestinationOptions.NONE).properties())
                .containsEntry("URL", "http://instance.example");
        assertThat(engine.destination("Leveled@subaccount", DestinationOptions.NONE).properties())
                .containsEntry("URL", "http://subaccount.example");
        // each level is its own cache entry, and the v1 name its own too
        assertThat(engine.destination("Leveled", DestinationOptions.NONE).properties())
                .containsEntry("URL", "http://instance.example");
        assertThat(sandbox.counters().destinationLookups()).isEqualTo(3);
    }

    @Test
    void nameWithLevelDoesNotFallBackToAnotherLevel(Sandbox sandbox) {
        DestinationNotFoundException e = catchThrowableOfType(DestinationNotFoundException.class,
                () -> engines.bound(sandbox).destination("SubaccountOnly@instance", DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("SubaccountOnly@instance");
    }

    @Test
    void fragmentLevelIsSentWithTheConsumeApi(Sandbox sandbox) {
        Destination d = engines.bound(sandbox).destination("Leveled@subaccount", fragments("path@instance", false));

        assertThat(d.properties()).containsEntry("URL", "http://instance.example/tenant-b");
    }

    @Test
    void fragmentLevelWithoutDestinationLevelIsRefused(Sandbox sandbox) {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).destination("Leveled", fragments("path@instance", false)));

        assertThat(e.getMessage()).contains("'Leveled'").contains("Leveled@subaccount");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }

    @Test
    void unknownLevelIsAnInvalidName(Sandbox sandbox) {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> engines.bound(sandbox).destination("Leveled@tenant", DestinationOptions.NONE));

        assertThat(e.getMessage()).contains("@provider_subaccount");
        assertThat(sandbox.counters().destinationLookups()).isZero();
    }
}
