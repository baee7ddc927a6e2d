package io.github.camelbtp.connectivity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.sandbox.Sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Engines bound to a sandbox exactly as an application is bound to BTP (its VCAP_SERVICES), without the process's
 * own {@code destinations} variable; closed together after each test.
 */
public final class Engines implements AutoCloseable {

    private final List<BtpConnectivity> open = new ArrayList<>();

    public BtpConnectivity bound(Sandbox sandbox) {
        return bound(sandbox, b -> b);
    }

    public BtpConnectivity bound(Sandbox sandbox, UnaryOperator<BtpConnectivity.Builder> settings) {
        return add(settings.apply(BtpConnectivity.builder()
                .serviceBindings(ServiceBindings.fromVcapServices(sandbox.vcapServices()))
                .serviceTrust(trust(sandbox))
                .environmentDestinations(null)).build());
    }

    /**
     * The certificate of the sandbox's token service host names when it serves them
     * ({@code Sandbox.builder().tokenServiceHostNames()}), trusted explicitly as an application trusts its landscape.
     */
    public static List<java.security.cert.X509Certificate> trust(Sandbox sandbox) {
        try {
            return List.of(sandbox.tokenServiceCertificate());
        } catch (IllegalStateException loopbackOnly) {
            return List.of();
        }
    }

    public BtpConnectivity add(BtpConnectivity engine) {
        open.add(engine);
        return engine;
    }

    @Override
    public void close() {
        open.forEach(BtpConnectivity::close);
        open.clear();
    }

    /** {@code credentials.<key>} of binding {@code label} in the sandbox's VCAP_SERVICES (e.g. the client secrets). */
    public static String credential(Sandbox sandbox, String label, String key) {
        try {
            JsonNode root = new ObjectMapper().readTree(sandbox.vcapServices());
            return root.path(label).path(0).path("credentials").path(key).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secrets of the sandbox bindings: what must never appear in a message or a log. */
    public static String[] bindingSecrets(Sandbox sandbox) {
        return new String[] {credential(sandbox, "destination", "clientsecret"), credential(sandbox, "connectivity", "clientsecret")};
    }
}
