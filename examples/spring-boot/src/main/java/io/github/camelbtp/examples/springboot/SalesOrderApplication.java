package io.github.camelbtp.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that reads sales orders from an on-premise system through an SAP BTP destination. Nothing
 * but application.properties configures camel-btp: on Cloud Foundry the bindings come from VCAP_SERVICES, locally
 * from {@code camel.btp.binding-file} (the standalone sandbox writes one), or, in development (Maven profile
 * {@code dev}, Spring profile {@code dev}: {@code camel.btp.sandbox.enabled=true}), from the sandbox started inside
 * the application.
 */
@SpringBootApplication
public class SalesOrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesOrderApplication.class, args);
    }
}
