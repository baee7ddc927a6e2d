package io.github.camelbtp.springboot;

/**
 * The service bindings of the sandbox started in development mode ({@code camel.btp.sandbox.enabled=true}), handed to
 * the shared engine in place of any configured or environment binding. A type of the starter's own, so the engine's
 * auto-configuration never refers to a sandbox class (camel-btp-sandbox is optional). {@code toString()} shows no
 * secret.
 *
 * @param vcapServices the sandbox's VCAP_SERVICES JSON; holds its client secrets
 */
public record DevSandboxBinding(String vcapServices) {

    @Override
    public String toString() {
        return "DevSandboxBinding[vcapServices=****]";
    }
}
