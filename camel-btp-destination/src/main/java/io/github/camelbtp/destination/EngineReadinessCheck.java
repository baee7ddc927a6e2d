package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.BtpConnectivity;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A readiness check of the component's engine: never a liveness check, since restarting the application does not bring
 * a Cloud Connector or a BTP service back; UNKNOWN while the component has no engine (not started).
 */
abstract class EngineReadinessCheck implements HealthCheck {

    private final Supplier<BtpConnectivity> engine;
    private volatile boolean enabled = true;

    EngineReadinessCheck(Supplier<BtpConnectivity> engine) {
        this.engine = engine;
    }

    /** The check itself, on the started engine. */
    abstract Result check(BtpConnectivity connectivity, HealthCheckResultBuilder result);

    @Override
    public final Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        BtpConnectivity connectivity = engine.get();
        if (connectivity == null) {
            return result.unknown().message("the btp-destination component is not started").build();
        }
        return check(connectivity, result);
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
