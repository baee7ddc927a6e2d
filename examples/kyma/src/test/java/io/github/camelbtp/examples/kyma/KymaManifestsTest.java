package io.github.camelbtp.examples.kyma;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.ResolvedDestination;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/kyma as Kubernetes would lay it out in the container: each volume of deployment.yaml mounted as a folder
 * below the container's {@code SERVICE_BINDING_ROOT}, holding one file per key of the Secret the SAP BTP service
 * operator writes for the ServiceBinding (its credentials plus {@code type}, the service offering's name) or of the
 * ConfigMap. The values come from the sandbox (a cluster's own hosts and secrets are not reachable here); the names,
 * folders and keys come from the manifests, and the engine resolves a destination through that layout.
 */
class KymaManifestsTest {

    private static final Path KYMA = Path.of(".");
    private static final String ORDERS = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1&$format=json";
    /** The Kyma Connectivity Proxy's ports [connectivity-proxy-in-the-kyma-environment-8dd1690]. */
    private static final String KYMA_HTTP_PORT = "20003";
    private static final String KYMA_SOCKS5_PORT = "20004";

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private BtpConnectivity engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void deploymentMountsEachBindingAsAFolderBelowServiceBindingRoot() throws IOException {
        Manifests manifests = Manifests.read();
        Map<String, Object> pod = map(map(manifests.one("Deployment").get("spec")).get("template"));
        Map<String, Object> container = map(list(map(pod.get("spec")).get("containers")).get(0));
        String root = env(container, "SERVICE_BINDING_ROOT");

        assertThat(root).isEqualTo("/bindings");
        Map<String, String> folders = mountedFolders(pod, root);
        assertThat(folders).containsOnlyKeys("destination", "connectivity", "xsuaa");
        // each secret is a ServiceBinding's, of the service instance its folder is named after
        for (String folder : List.of("destination", "xsuaa")) {
            Map<String, Object> binding = manifests.bindingWithSecret(folders.get(folder));
            assertThat(manifests.offeringOf(binding)).as("the service behind /bindings/%s", folder).isEqualTo(folder);
        }
        // the connectivity folder: the Connectivity Proxy's ConfigMap, in the keys the engine reads
        assertThat(folders.get("connectivity")).isEqualTo("configMap:connectivity-proxy-info");
        Map<String, Object> proxyInfo = map(manifests.named("ConfigMap", "connectivity-proxy-info").get("data"));
        assertThat(proxyInfo).containsEntry("type", "connectivity")
                .containsEntry("onpremise_proxy_host", "connectivity-proxy.kyma-system.svc.cluster.local")
                .containsEntry("onpremise_proxy_http_port", KYMA_HTTP_PORT)
                .containsEntry("onpremise_socks5_proxy_port", KYMA_SOCKS5_PORT)
                .doesNotContainKeys("clientid", "clientsecret");
    }

    @Test
    void mountedLayoutResolvesAnOnPremiseDestinationThroughTheTrustedConnectivityProxy() throws Exception {
        sandbox = Sandbox.start();
        sandbox.connectivityTrustedMode(true);
        Path root = mountLayout(Manifests.read(), false);

        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromKubernetes(root))
                .environmentDestinations(null).build();
        ResolvedDestination erp = engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(erp.proxy().port()).isEqualTo(sandbox.proxyHttpPort());
        assertThat(erp.headers()).noneMatch(h -> h.name().equalsIgnoreCase("Proxy-Authorization"));
        assertThat(get(erp, ORDERS).statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().proxiedCalls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nonTrustedConnectivityBindingResolvesWithTheBindingsClientAtTheKymaProxy() throws Exception {
        sandbox = Sandbox.start();
        Path root = mountLayout(Manifests.read(), true);

        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromKubernetes(root))
                .environmentDestinations(null).build();
        ResolvedDestination erp = engine.resolve("OnPremiseERP", DestinationOptions.NONE);

        assertThat(erp.headers()).anyMatch(h -> h.name().equalsIgnoreCase("Proxy-Authorization"));
        assertThat(get(erp, ORDERS).statusCode()).isEqualTo(200);
    }

    /**
     * Writes each volume of the Deployment as Kubernetes mounts it, below {@code dir/bindings}. Values from the sandbox:
     * the destination binding's credentials, the proxy's address in place of the cluster's. With
     * {@code nonTrusted}, the connectivity folder is the connectivity ServiceBinding's Secret, rendered from its
     * secretTemplate, as the comment in deployment.yaml says to mount it.
     */
    private Path mountLayout(Manifests manifests, boolean nonTrusted) throws IOException {
        Path sandboxBindings = sandbox.writeKubernetesBindings(dir.resolve("sandbox"));
        Map<String, Object> pod = map(map(manifests.one("Deployment").get("spec")).get("template"));
        Path root = dir.resolve("bindings");
        for (Map.Entry<String, String> mount : mountedFolders(pod, "/bindings").entrySet()) {
            Path folder = Files.createDirectories(root.resolve(mount.getKey()));
            Map<String, String> files = new LinkedHashMap<>();
            String source = mount.getValue();
            if (source.startsWith("configMap:") && !nonTrusted) {
                map(manifests.named("ConfigMap", source.substring("configMap:".length())).get("data"))
                        .forEach((key, value) -> files.put(key, String.valueOf(value)));
                files.replace("onpremise_proxy_host", sandbox.proxyHost());
                files.replace("onpremise_proxy_http_port", Integer.toString(sandbox.proxyHttpPort()));
                files.replace("onpremise_proxy_port", Integer.toString(sandbox.proxyHttpPort()));
                files.replace("onpremise_socks5_proxy_port", Integer.toString(sandbox.socks5Proxy().port()));
            } else if (source.startsWith("configMap:")) {
                files.putAll(renderSecretTemplate(manifests.bindingWithSecret("connectivity-binding"),
                        read(sandboxBindings.resolve("connectivity"))));
            } else {
                Map<String, Object> binding = manifests.bindingWithSecret(source);
                String offering = manifests.offeringOf(binding);
                // the operator's key-value Secret: the broker's credentials plus 'type' (the offering's name)
                files.putAll(Files.isDirectory(sandboxBindings.resolve(offering)) ? read(sandboxBindings.resolve(offering))
                        : Map.of("clientid", "sb-btp-sales-orders!t1", "clientsecret", "not-read-by-the-engine"));
                files.put("type", offering);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return root;
    }

    /**
     * The Secret the operator writes from a ServiceBinding's secretTemplate (a Go template executed on
     * {@code .credentials} and {@code .instance}), for the template's plain {@code {{ .x.y }}} references; the cluster's
     * proxy address replaced by the sandbox's.
     */
    private Map<String, String> renderSecretTemplate(Map<String, Object> binding, Map<String, String> credentials) {
        String template = String.valueOf(map(binding.get("spec")).get("secretTemplate"));
        Matcher reference = Pattern.compile("\\{\\{ *\\.(credentials|instance)\\.([A-Za-z0-9_]+) *}}").matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (reference.find()) {
            String value = reference.group(1).equals("instance") ? "connectivity" : credentials.get(reference.group(2));
            assertThat(value).as("the binding has %s", reference.group()).isNotNull();
            reference.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        reference.appendTail(rendered);
        Map<String, Object> secret = map(new Load(LoadSettings.builder().build()).loadFromString(rendered.toString()));
        assertThat(secret).containsEntry("kind", "Secret");
        Map<String, String> files = new LinkedHashMap<>();
        map(secret.get("stringData")).forEach((key, value) -> files.put(key, String.valueOf(value)));
        assertThat(files).containsEntry("onpremise_proxy_host", "connectivity-proxy.kyma-system.svc.cluster.local")
                .containsEntry("onpremise_proxy_http_port", KYMA_HTTP_PORT);
        files.put("onpremise_proxy_host", sandbox.proxyHost());
        files.put("onpremise_proxy_http_port", Integer.toString(sandbox.proxyHttpPort()));
        return files;
    }

    /** Mount path's folder below {@code root} → "SECRET_NAME" or "configMap:NAME". */
    private static Map<String, String> mountedFolders(Map<String, Object> pod, String root) {
        Map<String, Object> spec = map(pod.get("spec"));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Object v : list(spec.get("volumes"))) {
            Map<String, Object> volume = map(v);
            sources.put(String.valueOf(volume.get("name")), volume.containsKey("secret")
                    ? String.valueOf(map(volume.get("secret")).get("secretName"))
                    : "configMap:" + map(volume.get("configMap")).get("name"));
        }
        Map<String, String> folders = new LinkedHashMap<>();
        for (Object m : list(map(list(spec.get("containers")).get(0)).get("volumeMounts"))) {
            Map<String, Object> mount = map(m);
            Path path = Path.of(String.valueOf(mount.get("mountPath")));
            assertThat(path.getParent()).as("one folder per binding directly below %s", root).isEqualTo(Path.of(root));
            assertThat(mount.get("readOnly")).isEqualTo(true);
            folders.put(path.getFileName().toString(), sources.get(String.valueOf(mount.get("name"))));
        }
        return folders;
    }

    private static String env(Map<String, Object> container, String name) {
        for (Object e : list(container.get("env"))) {
            if (name.equals(map(e).get("name"))) {
                return String.valueOf(map(e).get("value"));
            }
        }
        throw new AssertionError("the container's env has no " + name);
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** A GET the way a transport sends one with a resolved destination: its proxy and headers. */
    private static HttpResponse<String> get(ResolvedDestination resolved, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress(resolved.proxy().host(), resolved.proxy().port()))).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resolved.url() + path)).timeout(Duration.ofSeconds(10));
        for (HttpHeader header : resolved.headers()) {
            request.header(header.name(), header.value());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every document of examples/kyma/*.yaml. */
    private record Manifests(List<Map<String, Object>> documents) {

        static Manifests read() throws IOException {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (String file : List.of("btp-services.yaml", "connectivity-proxy-info.yaml", "deployment.yaml")) {
                for (Object document : new Load(LoadSettings.builder().build())
                        .loadAllFromString(Files.readString(KYMA.resolve(file), StandardCharsets.UTF_8))) {
                    documents.add(map(document));
                }
            }
            return new Manifests(documents);
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertThat(found).as("exactly one %s", kind).hasSize(1);
            return found.get(0);
        }

        Map<String, Object> named(String kind, String name) {
            return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
        }

        Map<String, Object> bindingWithSecret(String secretName) {
            return documents.stream().filter(d -> "ServiceBinding".equals(d.get("kind"))
                            && secretName.equals(map(d.get("spec")).get("secretName")))
                    .findFirst().orElseThrow(() -> new AssertionError("no ServiceBinding writes the Secret " + secretName));
        }

        /** The service offering of the ServiceInstance a ServiceBinding binds. */
        String offeringOf(Map<String, Object> binding) {
            Map<String, Object> instance = named("ServiceInstance", String.valueOf(map(binding.get("spec")).get("serviceInstanceName")));
            assertThat(map(instance.get("metadata"))).doesNotContainKey("namespace");
            assertThat(instance.get("apiVersion")).isEqualTo("services.cloud.sap.com/v1");
            return String.valueOf(map(instance.get("spec")).get("serviceOfferingName"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
