package io.github.camelbtp.springboot;

import io.github.camelbtp.connectivity.dispatch.PrincipalPropagationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Options of the btp-destination component (reach HTTP, MAIL, LDAP and TCP systems through SAP BTP destinations).
 * The engine options (vcap-services, binding-file, destination-service-instance, connectivity-service-instance,
 * destination-cache-*, destination-not-found-ttl, principal-propagation-mode) only apply with camel.btp.enabled=false; otherwise the shared engine is configured
 * under camel.btp.* and setting one of them here fails at startup.
 */
@ConfigurationProperties(prefix = "camel.component.btp-destination")
public class BtpDestinationComponentConfiguration extends BtpComponentConfigurationCommon {

    /** The options that configure the component's own engine; refused while the component uses the shared one. */
    static final List<String> ENGINE_OPTIONS = List.of("vcapServices", "bindingFile", "destinationServiceInstance",
            "connectivityServiceInstance", "destinationCacheTtl",
            "destinationCacheTtlPerDestination", "destinationCacheMaxStale", "destinationNotFoundTtl",
            "principalPropagationMode");

    /** Whether to enable auto configuration of the btp-destination component. This is enabled by default. */
    @SuppressWarnings("unused") // documents the inherited property for the configuration metadata
    private Boolean enabled;

    /**
     * Only with camel.btp.enabled=false: cache lifetimes for individual destinations as NAME=DURATION pairs, for
     * example 'OnPremiseERP=30s,CloudSalesAPI=10m'.
     */
    private String destinationCacheTtlPerDestination;

    /**
     * Only with camel.btp.enabled=false: while the Destination Service fails, a cached destination is still served
     * for this long past its lifetime. Default 15 minutes.
     */
    private Duration destinationCacheMaxStale;

    /** Only with camel.btp.enabled=false: how long 'no such destination' is remembered. Default 10 seconds. */
    private Duration destinationNotFoundTtl;

    /**
     * Only with camel.btp.enabled=false: how PrincipalPropagation destinations carry the user to the Connectivity
     * proxy (CONNECTIVITY_AUTHENTICATION_HEADER by default, or PROXY_AUTHORIZATION_TOKEN_EXCHANGE).
     */
    private PrincipalPropagationMode principalPropagationMode;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler: exceptions while the consumer polls (a
     * MAIL destination's inbox) are processed as a message by the route's error handler instead of being logged.
     */
    private Boolean bridgeErrorHandler = false;

    /** LDAP destinations: the most pooled connections per destination. */
    private Integer ldapMaxConnections = 10;

    /** TCP destinations with tcp.keepalive=true: the most idle connections kept per destination for reuse. */
    private Integer tcpMaxIdleConnections = 8;

    /** The options to set on the component, by their names in the component's catalog; unset ones are null. */
    @Override
    Map<String, Object> componentOptions() {
        Map<String, Object> options = super.componentOptions();
        options.put("destinationCacheTtlPerDestination", destinationCacheTtlPerDestination);
        options.put("destinationCacheMaxStale", destinationCacheMaxStale);
        options.put("destinationNotFoundTtl", destinationNotFoundTtl);
        options.put("principalPropagationMode", principalPropagationMode);
        options.put("bridgeErrorHandler", bridgeErrorHandler);
        options.put("ldapMaxConnections", ldapMaxConnections);
        options.put("tcpMaxIdleConnections", tcpMaxIdleConnections);
        return options;
    }

    public String getDestinationCacheTtlPerDestination() {
        return destinationCacheTtlPerDestination;
    }

    public void setDestinationCacheTtlPerDestination(String destinationCacheTtlPerDestination) {
        this.destinationCacheTtlPerDestination = destinationCacheTtlPerDestination;
    }

    public Duration getDestinationCacheMaxStale() {
        return destinationCacheMaxStale;
    }

    public void setDestinationCacheMaxStale(Duration destinationCacheMaxStale) {
        this.destinationCacheMaxStale = destinationCacheMaxStale;
    }

    public Duration getDestinationNotFoundTtl() {
        return destinationNotFoundTtl;
    }

    public void setDestinationNotFoundTtl(Duration destinationNotFoundTtl) {
        this.destinationNotFoundTtl = destinationNotFoundTtl;
    }

    public PrincipalPropagationMode getPrincipalPropagationMode() {
        return principalPropagationMode;
    }

    public void setPrincipalPropagationMode(PrincipalPropagationMode principalPropagationMode) {
        this.principalPropagationMode = principalPropagationMode;
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
}
