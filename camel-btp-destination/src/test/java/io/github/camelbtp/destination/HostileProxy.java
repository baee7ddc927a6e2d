package io.github.camelbtp.destination;

import io.github.camelbtp.sandbox.Sandbox;

/** A btp-destination component bound to the sandbox, except that its Connectivity proxy is a test's own server. */
final class HostileProxy {

    private HostileProxy() {
    }

    static BtpDestinationComponent component(Sandbox sandbox, int proxyPort) {
        String binding = sandbox.vcapServices().replaceAll("\"onpremise_proxy_http_port\"\\s*:\\s*\"\\d+\"",
                "\"onpremise_proxy_http_port\":\"" + proxyPort + "\"");
        if (binding.equals(sandbox.vcapServices())) {
            throw new IllegalStateException("no onpremise_proxy_http_port in the sandbox's binding");
        }
        BtpDestinationComponent component = new BtpDestinationComponent();
        component.getEngineOptions().setVcapServices(binding);
        // bound differently from the context's btp-destination: an engine of its own, not the shared one
        component.getEngineOptions().setSharedEngine(false);
        return component;
    }
}
