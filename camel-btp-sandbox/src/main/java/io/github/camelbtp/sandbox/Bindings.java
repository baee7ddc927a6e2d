package io.github.camelbtp.sandbox;

import static io.github.camelbtp.sandbox.demo.DemoDestinations.CONNECTIVITY_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.DESTINATION_CLIENT_ID;
import static io.github.camelbtp.sandbox.demo.DemoDestinations.SUBACCOUNT_ID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbtp.sandbox.wire.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's service bindings, as a client reads a real landscape's: Cloud Foundry's {@code VCAP_SERVICES} JSON
 * and the Kubernetes service-binding layout. Contains secrets: never log it; {@link #toString()} does not show them.
 */
final class Bindings {

    private final String vcapServices;
    /** binding name → credential key → value, for the Kubernetes layout. */
    private final Map<String, Map<String, String>> credentials;

    private Bindings(String vcapServices, Map<String, Map<String, String>> credentials) {
        this.vcapServices = vcapServices;
        this.credentials = credentials;
    }

    /**
     * The token service as the bindings name it.
     *
     * @param url        the provider's token service ({@code url}): {@code https://sandbox.<uaadomain>} with host
     *                   names, else the loopback URI
     * @param uaaDomain  {@code uaadomain}, or null on plain loopback, whose {@code url} has no subdomain to replace
     * @param verificationKey the token signing key's PEM ({@code verificationkey})
     */
    record TokenService(URI url, String uaaDomain, String verificationKey) {
    }

    /**
     * A {@code destination} and a {@code connectivity} binding (plan {@code lite}) with these secrets and addresses, with
     * the credential keys XSUAA writes into the bindings of a multitenant provider's service instances (SAP's SDKs read
     * them: cloud-sdk-js/xssec build a subscriber's token URL from {@code uaadomain}, the Java SDK reads
     * {@code tenantid}/{@code identityzone}) [multitenancy-in-the-destination-service-4e07f25].
     */
    static Bindings of(TokenService tokenService, URI destinationService, String proxyHost, int proxyHttpPort,
            int socks5Port, String destinationSecret, String connectivitySecret) {
        Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
        String tokenUrl = tokenService.url().toString();
        Map<String, String> destination = new LinkedHashMap<>();
        destination.put("clientid", DESTINATION_CLIENT_ID);
        destination.put("clientsecret", destinationSecret);
        destination.put("url", tokenUrl);
        destination.put("uri", destinationService.toString());
        xsuaaKeys(destination, tokenService, "clone-destination!b1");
        credentials.put("destination", destination);

        Map<String, String> connectivity = new LinkedHashMap<>();
        connectivity.put("clientid", CONNECTIVITY_CLIENT_ID);
        connectivity.put("clientsecret", connectivitySecret);
        connectivity.put("url", tokenUrl);
        connectivity.put("token_service_url", tokenUrl);
        connectivity.put("onpremise_proxy_host", proxyHost);
        connectivity.put("onpremise_proxy_http_port", Integer.toString(proxyHttpPort));
        connectivity.put("onpremise_proxy_port", Integer.toString(proxyHttpPort));
        connectivity.put("onpremise_socks5_proxy_port", Integer.toString(socks5Port));
        xsuaaKeys(connectivity, tokenService, "clone-connectivity!b2");
        credentials.put("connectivity", connectivity);

        Map<String, Object> vcap = new LinkedHashMap<>();
        vcap.put("destination", List.of(service("destination", List.of("destination", "conn", "connsvc"), destination)));
        vcap.put("connectivity", List.of(service("connectivity", List.of("connectivity", "conn", "connsvc"),
                connectivity)));
        return new Bindings(JsonCodec.string(vcap), credentials);
    }

    /**
     * The keys XSUAA writes for a service instance's client besides client ID, secret and {@code url}: the provider's
     * identity zone ({@code identityzone} = its subdomain, {@code tenantid}/{@code subaccountid}/{@code zoneid} = its
     * zone ID), {@code uaadomain}, {@code xsappname}, {@code verificationkey}, {@code tenantmode} ({@code shared}: the
     * multitenant provider the sandbox is, with subscribers) and {@code credential-type} ({@code binding-secret}; the
     * X.509 variant a test builds from {@code Sandbox#x509TokenService} is {@code x509}).
     */
    private static void xsuaaKeys(Map<String, String> credentials, TokenService tokenService, String xsappname) {
        credentials.put("identityzone", io.github.camelbtp.sandbox.destination.Tenants.PROVIDER_SUBDOMAIN);
        credentials.put("tenantid", SUBACCOUNT_ID);
        credentials.put("subaccountid", SUBACCOUNT_ID);
        credentials.put("zoneid", SUBACCOUNT_ID);
        if (tokenService.uaaDomain() != null) {
            credentials.put("uaadomain", tokenService.uaaDomain());
        }
        credentials.put("xsappname", xsappname);
        credentials.put("verificationkey", tokenService.verificationKey());
        credentials.put("tenantmode", "shared");
        credentials.put("credential-type", "binding-secret");
    }

    private static Map<String, Object> service(String name, List<String> tags, Map<String, String> credentials) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", name);
        service.put("label", name);
        service.put("plan", "lite");
        service.put("tags", tags);
        service.put("credentials", credentials);
        return service;
    }

    /** The {@code VCAP_SERVICES} JSON. */
    String vcapServices() {
        return vcapServices;
    }

    /**
     * A {@code VCAP_SERVICES} in which several sandboxes' instances of one service — {@code "destination"} or
     * {@code "connectivity"} — are bound side by side, each under the instance name it is mapped to, as Cloud Foundry
     * binds several instances of a service [multiple-destination-service-instances-1b1c3b7]. The other services'
     * bindings are the first sandbox's. Contains secrets: never log it.
     *
     * @param instances instance name → the sandbox whose binding of {@code service} it is, in binding order
     */
    static String withInstances(String service, Map<String, Sandbox> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("name at least one instance of " + service);
        }
        try {
            ObjectNode vcap = null;
            ArrayNode bound = null;
            for (Map.Entry<String, Sandbox> instance : instances.entrySet()) {
                ObjectNode own = (ObjectNode)
                        JsonCodec.MAPPER.readTree(instance.getValue().vcapServices());
                ObjectNode binding =
                        (ObjectNode) own.withArray(service).get(0);
                binding.put("name", instance.getKey());
                if (vcap == null) {
                    vcap = own;
                    bound = vcap.withArray(service);
                    bound.removeAll();
                }
                bound.add(binding);
            }
            return JsonCodec.MAPPER.writeValueAsString(vcap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@link #vcapServices()} to {@code file} atomically (a temporary file in the same folder, then a move),
     * creating parent folders; readers never see a half-written file.
     */
    void writeVcapServices(Path file) {
        try {
            writePrivately(file.toAbsolutePath(), vcapServices);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the binding file " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Writes a file only its owner can read: a temporary file in the same folder (created {@code rw-------} on POSIX
     * file systems), then a move, so readers never see a half-written file and the secret is never readable by others,
     * not even for a moment.
     */
    private static void writePrivately(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes the bindings in the Kubernetes service-binding layout ({@code $SERVICE_BINDING_ROOT}): a folder per
     * binding ({@code destination}, {@code connectivity}) with a {@code type} file and one file per credential
     * key ({@code clientid}, {@code clientsecret}, {@code url}, {@code uri} / {@code token_service_url},
     * {@code onpremise_proxy_host}, {@code onpremise_proxy_http_port}, {@code onpremise_proxy_port}, …).
     *
     * @return {@code root}
     */
    Path writeKubernetesBindings(Path root) {
        try {
            for (Map.Entry<String, Map<String, String>> binding : credentials.entrySet()) {
                Path folder = Files.createDirectories(root.resolve(binding.getKey()));
                writePrivately(folder.resolve("type"), binding.getKey());
                for (Map.Entry<String, String> key : binding.getValue().entrySet()) {
                    if (!key.getValue().isEmpty()) {
                        // client secrets and keys: readable by the owner only, as the VCAP file is
                        writePrivately(folder.resolve(key.getKey()), key.getValue());
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write service bindings under " + root, e);
        }
    }

    @Override
    public String toString() {
        return "Bindings" + credentials.keySet();
    }
}
