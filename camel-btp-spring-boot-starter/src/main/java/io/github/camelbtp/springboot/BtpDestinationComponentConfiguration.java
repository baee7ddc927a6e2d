package io.github.camelbtp.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Options of the btp-destination component (reach HTTP, MAIL, LDAP and TCP systems through SAP BTP destinations).
 * The engine options ({@link BtpComponentConfigurationCommon}) only apply with camel.btp.enabled=false; otherwise the
 * shared engine is configured under camel.btp.* and setting one of them here fails at startup.
 */
@ConfigurationProperties(prefix = "camel.component.btp-destination")
public class BtpDestinationComponentConfiguration extends BtpComponentConfigurationCommon {

    /** Whether to enable auto configuration of the btp-destination component. This is enabled by default. */
    @SuppressWarnings("unused") // documents the inherited property for the configuration metadata
    private Boolean enabled;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler: exceptions while the consumer polls (a
     * MAIL destination's inbox) are processed as a message by the route's error handler instead of being logged.
     */
    private Boolean bridgeErrorHandler = false;

    /** LDAP destinations: the most pooled connections per destination. */
    private Integer ldapMaxConnections = 10;

    /** TCP destinations with tcp.keepalive=true: the most idle connections kept per destination for reuse. */
    private Integer tcpMaxIdleConnections = 8;

    /**
     * Destinations to check for readiness, comma-separated (A,B; NAME/path checks the URL plus path): each gets a
     * readiness check btp-destination:NAME, visible in the actuator's health endpoint, that walks its hops as
     * operation=diagnose does and is DOWN with the failed hop, SAP's cause and the fix when one fails.
     */
    private String healthCheckDestinations;

    /** The options to set on the component, by their names in the component's catalog; unset ones are null. */
    @Override
    Map<String, Object> componentOptions() {
        Map<String, Object> options = super.componentOptions();
        options.put("bridgeErrorHandler", bridgeErrorHandler);
        options.put("ldapMaxConnections", ldapMaxConnections);
        options.put("tcpMaxIdleConnections", tcpMaxIdleConnections);
        options.put("healthCheckDestinations", healthCheckDestinations);
        return options;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getLdapMaxConnections() {
        return ldapMaxConnections;
    }

    public void setLdapMaxConnections(Integer ldapMaxConnections) {
        this.ldapMaxConnections = ldapMaxConnections;
    }

    public Integer getTcpMaxIdleConnections() {
        return tcpMaxIdleConnections;
    }

    public void setTcpMaxIdleConnections(Integer tcpMaxIdleConnections) {
        this.tcpMaxIdleConnections = tcpMaxIdleConnections;
    }

    public String getHealthCheckDestinations() {
        return healthCheckDestinations;
    }

    public void setHealthCheckDestinations(String healthCheckDestinations) {
        this.healthCheckDestinations = healthCheckDestinations;
    }
}
