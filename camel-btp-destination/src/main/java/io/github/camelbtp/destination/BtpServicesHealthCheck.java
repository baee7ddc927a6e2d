package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.ServiceStatus;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A readiness check of the BTP services the component's engine depends on ({@link BtpConnectivity#checkServices()}):
 * the Destination Service's token and the Connectivity proxy. Registered in Camel's {@code producers} health-check
 * repository, so it follows {@code camel.health.producersEnabled} (off by default) like other producer checks; never
 * a liveness check, since restarting the application does not bring a Cloud Connector back. Details name each service
 * and, when down, the cause and fix — never a secret.
 */
final class BtpServicesHealthCheck extends EngineReadinessCheck {

    static final String ID = "producer:btp-destination";

    BtpServicesHealthCheck(Supplier<BtpConnectivity> engine) {
        super(engine);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    Result check(BtpConnectivity connectivity, HealthCheckResultBuilder result) {
        List<ServiceStatus> services = connectivity.checkServices();
        for (ServiceStatus service : services) {
            result.detail("btp." + service.service().toLowerCase(Locale.ROOT).replace(' ', '-'),
                    (service.up() ? "UP: " : "DOWN: ") + service.detail());
        }
        List<ServiceStatus> down = services.stream().filter(s -> !s.up()).toList();
        if (down.isEmpty()) {
            return result.up().message(services.isEmpty() ? "no BTP service bindings; destinations from configuration only"
                    : services.stream().map(ServiceStatus::service).collect(Collectors.joining(" and ")) + " ready").build();
        }
        return result.down().message(down.stream().map(s -> s.service() + ": " + s.detail())
                .collect(Collectors.joining(" | "))).build();
    }
}
