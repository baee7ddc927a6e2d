package io.github.camelbtp.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that reads sales orders from an on-premise system through an SAP BTP destination. Nothing
 * but application.properties configures camel-btp: on Cloud Foundry the bindings come from VCAP_SERVICES, locally
 * from {@code camel.btp.binding-file} or {@code camel.btp.vcap-services} (see {@code LocalSandboxApplication} in the
 * tests, which starts the sandbox next to the app).
 */
@SpringBootApplication
public class SalesOrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesOrderApplication.class, args);
    }
}
