package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.DiagnosisReport;
import io.github.camelbtp.connectivity.DiagnosisReport.Step;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.function.Supplier;

/**
 * The readiness of one destination, for the destinations named in {@code healthCheckDestinations}: a diagnosis of
 * every hop ({@link BtpConnectivity#diagnose}) each time the check is called. UP when every hop passed; DOWN names the
 * failed hop, SAP's cause and the fix in the message and the details ({@code failed.hop}, {@code cause}, {@code fix},
 * {@code hop.<name>}). Never a liveness check: restarting the application does not reconnect a Cloud Connector. Never a
 * secret in a detail: the report holds none.
 */
final class DestinationHealthCheck extends EngineReadinessCheck {

    private final String destination;
    private final String path;
    private final SocketBackendCheck sockets = new SocketBackendCheck();

    /**
     * @param entry NAME or NAME/path: the backend hop's HEAD goes to the URL plus the path (a Cloud Connector may allow
     *              a service's path and not the system's root)
     */
    DestinationHealthCheck(String entry, Supplier<BtpConnectivity> engine) {
        super(engine);
        int slash = entry.indexOf('/');
        this.destination = slash < 0 ? entry : entry.substring(0, slash);
        this.path = slash < 0 ? "" : entry.substring(slash);
    }

    @Override
    public String getId() {
        return "btp-destination:" + destination;
    }

    @Override
    Result check(BtpConnectivity connectivity, HealthCheckResultBuilder result) {
        DiagnosisReport report = connectivity.diagnose(destination, path, DestinationOptions.NONE, sockets);
        result.detail("destination", destination);
        for (Step step : report.steps()) {
            result.detail("hop." + step.hop(), step.outcome() + ": " + step.seen());
        }
        if (report.passed()) {
            return result.up().message("Destination '" + destination + "': every hop passed").build();
        }
        Step failed = report.firstFailure().orElseThrow();
        result.detail("failed.hop", failed.hop().toString());
        String message = "Destination '" + destination + "': hop " + failed.hop() + " failed: " + failed.seen();
        if (failed.cause() != null) {
            result.detail("cause", failed.cause().cause());
            result.detail("fix", failed.cause().fix());
            message = "Destination '" + destination + "': hop " + failed.hop() + " failed: " + failed.cause().cause()
                    + ". Fix: " + failed.cause().fix();
        }
        return result.down().message(message).build();
    }
}
