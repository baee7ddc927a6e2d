package io.github.camelbtp.examples.springboot;

import io.github.camelbtp.sandbox.Sandbox;
import org.springframework.boot.SpringApplication;

import java.util.Map;

/**
 * Runs {@link SalesOrderApplication} against the local BTP sandbox: starts the sandbox in this JVM and hands its
 * service bindings to the app as {@code camel.btp.vcap-services}, exactly where VCAP_SERVICES would come from on Cloud
 * Foundry. Stop with Ctrl+C.
 * <pre>
 * mvn -q -DskipTests -pl examples/spring-boot -am test-compile exec:java
 * </pre>
 */
public final class LocalSandboxApplication {

    private LocalSandboxApplication() {
    }

    public static void main(String[] args) {
        Sandbox sandbox = Sandbox.start();
        SpringApplication app = new SpringApplication(SalesOrderApplication.class);
        // a default, so a --camel.btp.* argument or a property file still wins; never printed
        app.setDefaultProperties(Map.of("camel.btp.vcap-services", sandbox.vcapServices()));
        app.addListeners(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                sandbox.close();
            }
        });
        app.run(args);
    }
}
