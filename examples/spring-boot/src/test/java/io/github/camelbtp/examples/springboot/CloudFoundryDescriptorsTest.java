package io.github.camelbtp.examples.springboot;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * manifest.yml (cf push) and mta.yaml (cf deploy) parsed as Cloud Foundry reads them: both bind the destination,
 * connectivity and xsuaa services, run the jar the build repackages, and check the process (the app has no port).
 */
class CloudFoundryDescriptorsTest {

    private static final List<String> SERVICES = List.of("camel-btp-destination", "camel-btp-connectivity", "camel-btp-xsuaa");

    @Test
    @SuppressWarnings("unchecked")
    void manifestBindsTheDestinationConnectivityAndXsuaaServices() throws IOException {
        Map<String, Object> app = ((List<Map<String, Object>>) yaml("manifest.yml").get("applications")).get(0);

        assertThat((List<String>) app.get("services")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(app.get("path")).isEqualTo("target/" + builtJarName());
        assertThat(app.get("health-check-type")).isEqualTo("process");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mtaCreatesAndBindsTheDestinationConnectivityAndXsuaaServices() throws IOException {
        Map<String, Object> mta = yaml("mta.yaml");
        Map<String, Object> module = ((List<Map<String, Object>>) mta.get("modules")).get(0);
        List<Map<String, Object>> resources = (List<Map<String, Object>>) mta.get("resources");

        assertThat(((List<Map<String, Object>>) module.get("requires")).stream().map(r -> r.get("name")))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(module.get("path")).isEqualTo("target/" + builtJarName());
        Map<Object, Object> offerings = resources.stream().collect(Collectors.toMap(r -> r.get("name"),
                r -> ((Map<String, Object>) r.get("parameters")).get("service")));
        assertThat(offerings).containsExactlyInAnyOrderEntriesOf(Map.of("camel-btp-destination", "destination",
                "camel-btp-connectivity", "connectivity", "camel-btp-xsuaa", "xsuaa"));
        assertThat(resources).allSatisfy(r -> assertThat(r.get("type")).isEqualTo("org.cloudfoundry.managed-service"));
        Map<String, Object> xsuaa = (Map<String, Object>) resources.stream()
                .filter(r -> r.get("name").equals("camel-btp-xsuaa")).findFirst().orElseThrow().get("parameters");
        assertThat(Path.of(xsuaa.get("path").toString())).as("the xsuaa security descriptor the MTA names").isRegularFile();
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            return new Yaml().load(reader);
        }
    }

    /** The jar name the pom gives the repackaged application, so a version bump that forgets the descriptors fails. */
    private static String builtJarName() {
        return "camel-btp-example-spring-boot-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + ".jar";
    }
}
