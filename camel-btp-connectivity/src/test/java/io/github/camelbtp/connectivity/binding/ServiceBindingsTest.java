package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading VCAP_SERVICES and the Kubernetes binding layout, from hand-written documents. */
class ServiceBindingsTest {

    private static final String DESTINATION_SECRET = "dest-secret-7f3a9c";
    private static final String CONNECTIVITY_SECRET = "conn-secret-2b8e1d";

    private static String vcap(String connectivityCredentials) {
        return """
                {"destination":[{"label":"destination","name":"my-destination","plan":"lite","credentials":{
                    "clientid":"sb-dest!b1","clientsecret":"%s","url":"https://sub.authentication.eu10.hana.ondemand.com/",
                    "uri":"https://destination-configuration.cfapps.eu10.hana.ondemand.com","tenantid":"t1"}}],
                 "connectivity":[{"label":"connectivity","name":"my-connectivity","plan":"lite","credentials":%s}]}
                """.formatted(DESTINATION_SECRET, connectivityCredentials);
    }

    private static String connectivity(String tokenKey, String portKey) {
        return """
                {"clientid":"sb-conn!b2","clientsecret":"%s","%s":"https://sub.authentication.eu10.hana.ondemand.com",
                 "onpremise_proxy_host":"connectivityproxy.internal.cf.eu10.hana.ondemand.com","%s":"20003",
                 "onpremise_socks5_proxy_port":"20004"}
                """.formatted(CONNECTIVITY_SECRET, tokenKey, portKey);
    }

    @Test
    void vcapServicesDestinationBindingGivesServiceUriAndTokenEndpoint() {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(vcap(connectivity("token_service_url", "onpremise_proxy_http_port")));

        DestinationServiceCredentials destination = bindings.destinationService().orElseThrow();

        assertThat(destination.serviceUri()).isEqualTo(URI.create("https://destination-configuration.cfapps.eu10.hana.ondemand.com"));
        assertThat(destination.client().tokenEndpoint())
                .isEqualTo(URI.create("https://sub.authentication.eu10.hana.ondemand.com/oauth/token"));
        assertThat(destination.client().clientId()).isEqualTo("sb-dest!b1");
        assertThat(destination.client().clientSecret()).isEqualTo(DESTINATION_SECRET);
        assertThat(bindings.origin()).isEqualTo(ServiceBindings.VCAP_SERVICES);
    }

    @Test
    void connectivityBindingReadsTokenServiceUrlAndHttpProxyPort() {
        ConnectivityCredentials c = ServiceBindings.fromVcapServices(
                vcap(connectivity("token_service_url", "onpremise_proxy_http_port"))).connectivity().orElseThrow();

        assertThat(c.proxyHost()).isEqualTo("connectivityproxy.internal.cf.eu10.hana.ondemand.com");
        assertThat(c.httpProxyPort()).isEqualTo(20003);
        assertThat(c.client().tokenEndpoint()).isEqualTo(URI.create("https://sub.authentication.eu10.hana.ondemand.com/oauth/token"));
    }

    @Test
    void connectivityBindingAcceptsTheOlderUrlAndProxyPortKeys() {
        ConnectivityCredentials c = ServiceBindings.fromVcapServices(
                vcap(connectivity("url", "onpremise_proxy_port"))).connectivity().orElseThrow();

        assertThat(c.httpProxyPort()).isEqualTo(20003);
        assertThat(c.client().tokenEndpoint()).isEqualTo(URI.create("https://sub.authentication.eu10.hana.ondemand.com/oauth/token"));
    }

    @Test
    void tokenServiceUrlWinsOverUrlWhenBothArePresent() {
        String credentials = """
                {"clientid":"c","clientsecret":"%s","url":"https://old.example","token_service_url":"https://new.example",
                 "onpremise_proxy_host":"proxy","onpremise_proxy_http_port":"20003","onpremise_proxy_port":"1"}
                """.formatted(CONNECTIVITY_SECRET);
        ConnectivityCredentials c = ServiceBindings.fromVcapServices(vcap(credentials)).connectivity().orElseThrow();

        assertThat(c.client().tokenEndpoint()).isEqualTo(URI.create("https://new.example/oauth/token"));
        assertThat(c.httpProxyPort()).isEqualTo(20003);
    }

    @Test
    void missingBindingKeyIsAConfigurationErrorNamingTheKey() {
        String withoutHost = """
                {"clientid":"c","clientsecret":"%s","token_service_url":"https://uaa.example","onpremise_proxy_http_port":"20003"}
                """.formatted(CONNECTIVITY_SECRET);
        ServiceBindings bindings = ServiceBindings.fromVcapServices(vcap(withoutHost));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class, bindings::connectivity);

        assertThat(e.property()).isEqualTo("connectivity.credentials.onpremise_proxy_host");
        assertThat(e.getMessage()).contains("onpremise_proxy_host").contains("my-connectivity");
        Secrets.assertFreeOf(Secrets.describe(e), CONNECTIVITY_SECRET, DESTINATION_SECRET);
    }

    @Test
    void missingDestinationServiceUriIsAConfigurationErrorNamingTheKey() {
        String vcap = """
                {"destination":[{"label":"destination","name":"d","credentials":{"clientid":"c","clientsecret":"%s","url":"https://uaa"}}]}
                """.formatted(DESTINATION_SECRET);

        assertThatThrownBy(() -> ServiceBindings.fromVcapServices(vcap).destinationService())
                .isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("destination.credentials.uri");
    }

    @Test
    void proxyPortThatIsNotANumberIsAConfigurationError() {
        String credentials = """
                {"clientid":"c","clientsecret":"%s","token_service_url":"https://uaa","onpremise_proxy_host":"h","onpremise_proxy_port":"http"}
                """.formatted(CONNECTIVITY_SECRET);

        assertThatThrownBy(() -> ServiceBindings.fromVcapServices(vcap(credentials)).connectivity())
                .isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("onpremise_proxy_port").hasMessageContaining("'http'");
    }

    @Test
    void malformedVcapServicesIsATypedErrorThatDoesNotEchoTheSecret() {
        String broken = vcap(connectivity("token_service_url", "onpremise_proxy_http_port")).replace("\"tenantid\"", "tenantid");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> ServiceBindings.fromVcapServices(broken));

        assertThat(e.property()).isEqualTo(ServiceBindings.VCAP_SERVICES);
        assertThat(e.getMessage()).contains("not valid JSON").contains("line");
        Secrets.assertFreeOf(Secrets.describe(e), DESTINATION_SECRET, CONNECTIVITY_SECRET);
    }

    @Test
    void truncatedVcapServicesIsATypedErrorThatDoesNotEchoTheSecret() {
        String full = vcap(connectivity("token_service_url", "onpremise_proxy_http_port"));
        String truncated = full.substring(0, full.indexOf(CONNECTIVITY_SECRET) + CONNECTIVITY_SECRET.length());

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> ServiceBindings.fromVcapServices(truncated));

        assertThat(e.property()).isEqualTo(ServiceBindings.VCAP_SERVICES);
        Secrets.assertFreeOf(Secrets.describe(e), DESTINATION_SECRET, CONNECTIVITY_SECRET);
    }

    @Test
    void vcapServicesThatIsNotAnObjectIsATypedError() {
        assertThatThrownBy(() -> ServiceBindings.fromVcapServices("[]"))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining(ServiceBindings.VCAP_SERVICES);
    }

    @Test
    void kubernetesLayoutIsReadOneFilePerKeyWithTheTypeFileAsLabel(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("my-destination-binding"));
        Map.of("type", "destination\n", "clientid", "sb-k8s", "clientsecret", DESTINATION_SECRET + "\n",
                "url", "https://uaa.example", "uri", "https://destination.example/").forEach((k, v) -> write(dir.resolve(k), v));

        ServiceBindings bindings = ServiceBindings.fromKubernetes(root);

        DestinationServiceCredentials d = bindings.destinationService().orElseThrow();
        assertThat(d.serviceUri()).isEqualTo(URI.create("https://destination.example"));
        assertThat(d.client().clientSecret()).isEqualTo(DESTINATION_SECRET);
        assertThat(bindings.connectivity()).isEmpty();
        assertThat(bindings.origin()).contains(ServiceBindings.SERVICE_BINDING_ROOT);
    }

    @Test
    void kubernetesSecretVolumeWithDataSymlinksIsRead(@TempDir Path root) throws IOException {
        // how the kubelet mounts a secret: files in a timestamped folder, '..data' pointing at it, one symlink per key
        Path dir = Files.createDirectories(root.resolve("destination"));
        Path timestamped = Files.createDirectories(dir.resolve("..2030_01_01_00_00_00.000000001"));
        Map.of("type", "destination", "clientid", "sb-k8s", "clientsecret", DESTINATION_SECRET,
                "url", "https://uaa.example", "uri", "https://destination.example").forEach((k, v) -> write(timestamped.resolve(k), v));
        Files.createSymbolicLink(dir.resolve("..data"), timestamped.getFileName());
        for (String key : List.of("type", "clientid", "clientsecret", "url", "uri")) {
            Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
        }

        ServiceBindings bindings = ServiceBindings.fromKubernetes(root);

        assertThat(bindings.all()).singleElement().satisfies(b -> assertThat(b.credentials()).containsOnlyKeys(
                "type", "clientid", "clientsecret", "url", "uri"));
        assertThat(bindings.destinationService().orElseThrow().client().clientId()).isEqualTo("sb-k8s");
    }

    @Test
    void hiddenFoldersUnderTheBindingRootAreNotBindings(@TempDir Path root) throws IOException {
        // a projected volume mounted at the root itself has '..data' and timestamped folders next to the bindings
        Path timestamped = Files.createDirectories(root.resolve("..2030_01_01_00_00_00.000000001"));
        Path dir = Files.createDirectories(timestamped.resolve("destination"));
        Map.of("type", "destination", "clientid", "sb-k8s", "clientsecret", DESTINATION_SECRET,
                "url", "https://uaa.example", "uri", "https://destination.example").forEach((k, v) -> write(dir.resolve(k), v));
        Files.createSymbolicLink(root.resolve("..data"), timestamped.getFileName());
        Files.createSymbolicLink(root.resolve("destination"), Path.of("..data", "destination"));

        ServiceBindings bindings = ServiceBindings.fromKubernetes(root);

        assertThat(bindings.all()).extracting(ServiceBinding::name).containsExactly("destination");
    }

    @Test
    void kubernetesRootThatIsNotADirectoryIsAConfigurationError(@TempDir Path root) {
        assertThatThrownBy(() -> ServiceBindings.fromKubernetes(root.resolve("absent")))
                .isInstanceOf(DestinationConfigurationException.class).hasMessageContaining(ServiceBindings.SERVICE_BINDING_ROOT);
    }

    /** Two connectivity instances ('conn-eu', 'conn-us') next to one destination instance. */
    private static String twoConnectivityInstances() {
        String connectivity = connectivity("token_service_url", "onpremise_proxy_http_port");
        String us = connectivity.replace("connectivityproxy.internal.cf.eu10", "connectivityproxy.internal.cf.us10");
        return vcap(connectivity).replace("{\"label\":\"connectivity\",\"name\":\"my-connectivity\",\"plan\":\"lite\",\"credentials\":"
                + connectivity + "}", "{\"label\":\"connectivity\",\"name\":\"conn-eu\",\"credentials\":" + connectivity
                + "},{\"label\":\"connectivity\",\"name\":\"conn-us\",\"credentials\":" + us + "}");
    }

    @Test
    void twoConnectivityInstancesWithoutANameAreAnErrorListingBothNames() {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(twoConnectivityInstances());
        assertThat(bindings.all()).extracting(ServiceBinding::name).contains("conn-eu", "conn-us");

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class, bindings::connectivity);

        assertThat(e).as("error").isNotNull();
        assertThat(e.property()).isEqualTo(ServiceBindings.CONNECTIVITY_SERVICE_INSTANCE);
        assertThat(e.getMessage()).contains("'connectivity'").contains("conn-eu").contains("conn-us")
                .contains("connectivityServiceInstance");
        Secrets.assertFreeOf(Secrets.describe(e), CONNECTIVITY_SECRET, DESTINATION_SECRET);
    }

    @Test
    void namedConnectivityInstanceIsTheOneOfThatName() {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(twoConnectivityInstances());

        assertThat(bindings.connectivity("conn-us").orElseThrow().proxyHost())
                .isEqualTo("connectivityproxy.internal.cf.us10.hana.ondemand.com");
        assertThat(bindings.connectivity("conn-eu").orElseThrow().proxyHost())
                .isEqualTo("connectivityproxy.internal.cf.eu10.hana.ondemand.com");
    }

    @Test
    void oneBoundInstanceIsUsedWithoutAName() {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(vcap(connectivity("token_service_url", "onpremise_proxy_http_port")));

        assertThat(bindings.destinationService()).isPresent();
        assertThat(bindings.destinationService("my-destination")).isEqualTo(bindings.destinationService());
    }

    @Test
    void namedInstanceOtherThanTheOneBoundIsAnErrorNamingTheBoundOne() {
        // a name set on purpose is never replaced by another instance, even the only one
        ServiceBindings bindings = ServiceBindings.fromVcapServices(vcap(connectivity("token_service_url", "onpremise_proxy_http_port")));

        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> bindings.destinationService("other-destination"));

        assertThat(e).as("error").isNotNull();
        assertThat(e.property()).isEqualTo(ServiceBindings.DESTINATION_SERVICE_INSTANCE);
        assertThat(e.getMessage()).contains("other-destination").contains("[my-destination]");
        Secrets.assertFreeOf(Secrets.describe(e), CONNECTIVITY_SECRET, DESTINATION_SECRET);
    }

    @Test
    void namedInstanceOfAServiceThatIsNotBoundIsAnError() {
        String onlyDestination = """
                {"destination":[{"label":"destination","name":"my-destination","credentials":{"clientid":"c",
                    "clientsecret":"%s","url":"https://uaa.example","uri":"https://destination.example"}}]}
                """.formatted(DESTINATION_SECRET);
        ServiceBindings bindings = ServiceBindings.fromVcapServices(onlyDestination);
        assertThat(bindings.connectivity()).isEmpty();

        assertThatThrownBy(() -> bindings.connectivity("conn-eu")).isInstanceOf(DestinationConfigurationException.class)
                .hasMessageContaining("conn-eu").hasMessageContaining("no instance of that service is bound");
    }

    @Test
    void toStringOfBindingsShowsKeysButNoSecret() {
        ServiceBindings bindings = ServiceBindings.fromVcapServices(vcap(connectivity("token_service_url", "onpremise_proxy_http_port")));

        String text = bindings + " " + bindings.all() + " " + bindings.destinationService().orElseThrow()
                + " " + bindings.connectivity().orElseThrow();

        assertThat(text).contains("clientsecret");
        Secrets.assertFreeOf(text, DESTINATION_SECRET, CONNECTIVITY_SECRET);
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
