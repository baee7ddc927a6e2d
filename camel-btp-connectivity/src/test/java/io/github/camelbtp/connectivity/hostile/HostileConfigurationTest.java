package io.github.camelbtp.connectivity.hostile;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationConfigurationException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile-input corpus, families "the {@code destinations} environment variable", "VCAP_SERVICES and
 * SERVICE_BINDING_ROOT" and "destination names" (issue 11). Each row is a typed {@link BtpConnectivityException} that
 * names the culprit (the variable, the binding key, the property or the naming rule), shows no secret of the input in
 * its message, causes or the engine's DEBUG log, and — for names — sends no request to the Destination Service.
 */
class HostileConfigurationTest {

    static final String SECRET = "hostile-config-secret-4d8b";

    @TempDir
    static Path dir;

    private final HostileServices services = new HostileServices();
    private BtpConnectivity engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        services.close();
    }

    private static Arguments row(String name, String input, String culprit) {
        return Arguments.of(Named.of(name, input), culprit);
    }

    private static void assertTypedAndClean(Throwable failure, String culprit, String logs) {
        assertThat(failure).isInstanceOf(BtpConnectivityException.class);
        assertThat(failure.getMessage()).contains(culprit);
        Secrets.assertFreeOf(Secrets.describe(failure) + "\n" + logs, SECRET, HostileServices.BINDING_SECRET);
    }

    // ---- the 'destinations' environment variable ----

    static Stream<Arguments> environmentVariables() {
        String entry = "{\"name\":\"Env\",\"url\":\"https://api.example.com\",\"authentication\":\"BasicAuthentication\","
                + "\"user\":\"u\",\"password\":\"" + SECRET + "\"";
        return Stream.of(
                row("not JSON", "name=Env,url=https://api.example.com,password=" + SECRET, "'destinations'"),
                row("truncated inside a password", "[" + entry.substring(0, entry.length() - 5), "'destinations'"),
                row("an object, not an array", entry + "}", "'destinations'"),
                row("an entry that is a string", "[\"Env\"]", "'destinations'"),
                row("an entry without name", "[{\"url\":\"https://api.example.com\",\"password\":\"" + SECRET + "\"}]", "name"),
                row("an entry without url", "[{\"name\":\"Env\",\"password\":\"" + SECRET + "\"}]", "URL"),
                row("a name that climbs '../Env'", "[{\"name\":\"../Env\",\"url\":\"https://api.example.com\"}]", "Name"),
                row("proxyType On-Premise (unknown enumeration)", "[" + entry + ",\"proxyType\":\"On-Premise\"}]", "ProxyType"),
                row("authentication Basic (unknown enumeration)", "[" + entry.replace("BasicAuthentication", "Basic") + "}]",
                        "Authentication"),
                row("url a number", "[{\"name\":\"Env\",\"url\":42}]", "URL"),
                row("url with a line break", "[{\"name\":\"Env\",\"url\":\"https://api.example.com\\r\\nX-Injected: 1\"}]", "URL"),
                row("nested 5,000 arrays deep", "[".repeat(5_000), "'destinations'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentVariables")
    void hostileDestinationsVariableIsATypedErrorNamingIt(String variable, String culprit) {
        try (LogCapture log = LogCapture.engine()) {
            Throwable failure = catchThrowable(() -> {
                engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.none()).environmentDestinations(variable)
                        .build();
                engine.resolve("Env", DestinationOptions.NONE);
            });
            assertTypedAndClean(failure, culprit, log.text());
        }
    }

    // ---- VCAP_SERVICES ----

    static Stream<Arguments> vcapServices() {
        String credentials = "\"credentials\":{\"clientid\":\"c\",\"clientsecret\":\"" + SECRET + "\","
                + "\"url\":\"https://sub.authentication.example.com\",\"uri\":\"https://destination.example.com\"}";
        String binding = "{\"destination\":[{\"name\":\"dest\",\"label\":\"destination\"," + credentials + "}]}";
        return Stream.of(
                row("truncated inside the client secret", binding.substring(0, binding.indexOf(SECRET) + 8), "VCAP_SERVICES"),
                row("not JSON", "destination: clientsecret=" + SECRET, "VCAP_SERVICES"),
                row("the destination service is an object, not an array",
                        binding.replace("[", "").replace("]", ""), "VCAP_SERVICES"),
                row("a binding without credentials", "{\"destination\":[{\"name\":\"dest\",\"label\":\"destination\"}]}", "credentials"),
                row("credentials a string", "{\"destination\":[{\"name\":\"dest\",\"label\":\"destination\",\"credentials\":\""
                        + SECRET + "\"}]}", "credentials"),
                row("credentials without clientid", binding.replace("\"clientid\":\"c\",", ""), "clientid"),
                row("credentials without uri", binding.replace(",\"uri\":\"https://destination.example.com\"", ""), "uri"),
                row("url javascript:", binding.replace("https://sub.authentication.example.com", "javascript:alert(1)"), "url"),
                row("uri with a line break", binding.replace("https://destination.example.com",
                        "https://destination.example.com\\r\\nX-Injected: 1"), "uri"),
                row("empty", "", "VCAP_SERVICES"),
                row("nested 5,000 objects deep", "{\"a\":".repeat(5_000), "VCAP_SERVICES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vcapServices")
    void hostileVcapServicesIsATypedErrorNamingTheKey(String vcap, String culprit) {
        try (LogCapture log = LogCapture.engine()) {
            Throwable failure = catchThrowable(() -> {
                engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(vcap))
                        .environmentDestinations(null).build();
                engine.resolve("Any", DestinationOptions.NONE);
            });
            assertTypedAndClean(failure, culprit, log.text());
        }
    }

    // ---- SERVICE_BINDING_ROOT (Kubernetes layout) ----

    static Stream<Arguments> bindingRoots() {
        return Stream.of(
                Arguments.of(Named.<Function<Path, Path>>of("a root that is a file", root -> write(root, "file", "x")),
                        "SERVICE_BINDING_ROOT"),
                Arguments.of(Named.<Function<Path, Path>>of("a credential file that is not UTF-8", root -> {
                    binding(root, "uri", "https://destination.example.com");
                    writeBytes(root.resolve("destination"), "clientsecret", new byte[] {(byte) 0xC0, (byte) 0xAE, 's'});
                    return root;
                }), "clientsecret"),
                Arguments.of(Named.<Function<Path, Path>>of("a destination binding without clientsecret", root -> {
                    binding(root, "uri", "https://destination.example.com");
                    return root;
                }), "clientsecret"),
                Arguments.of(Named.<Function<Path, Path>>of("a uri file with a space", root -> {
                    binding(root, "uri", "https://destination .example.com");
                    write(root.resolve("destination"), "clientsecret", SECRET);
                    return root;
                }), "uri"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bindingRoots")
    void hostileServiceBindingRootIsATypedErrorNamingTheFile(Function<Path, Path> layout, String culprit) throws IOException {
        Path root = layout.apply(Files.createTempDirectory(dir, "bindings"));
        try (LogCapture log = LogCapture.engine()) {
            Throwable failure = catchThrowable(() -> {
                engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromKubernetes(root))
                        .environmentDestinations(null).build();
                engine.resolve("Any", DestinationOptions.NONE);
            });
            assertTypedAndClean(failure, culprit, log.text());
            assertThat(failure).isInstanceOf(DestinationConfigurationException.class);
        }
    }

    private static void binding(Path root, String key, String value) {
        Path binding = root.resolve("destination");
        write(binding, "type", "destination");
        write(binding, "clientid", "c");
        write(binding, "url", "https://sub.authentication.example.com");
        write(binding, key, value);
    }

    private static Path write(Path folder, String name, String value) {
        return writeBytes(folder, name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path folder, String name, byte[] value) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- destination names ----

    static Stream<Named<String>> names() {
        return Stream.of(
                Named.of("'../Hostile'", "../Hostile"),
                Named.of("'..%2fHostile'", "..%2fHostile"),
                Named.of("'%2e%2e'", "%2e%2e"),
                Named.of("'a/b'", "a/b"),
                Named.of("'a\\\\b' (backslash)", "a\\b"),
                Named.of("'name?x=1' (a query)", "name?x=1"),
                Named.of("'name#f' (a fragment)", "name#f"),
                Named.of("'name;x' (a matrix parameter)", "name;x"),
                Named.of("a line break and a header", "name\r\nX-Injected: 1"),
                Named.of("empty", ""),
                Named.of("201 characters", "N".repeat(201)),
                Named.of("'Ärger' (non-ASCII)", "Ärger"),
                Named.of("'\\u0000' (NUL)", "name\u0000"),
                Named.of("a leading space", " Hostile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void hostileDestinationNameIsRefusedBeforeTheDestinationServiceIsAsked(String name) {
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(services.vcapServices()))
                .environmentDestinations(null).build();
        try (LogCapture log = LogCapture.engine()) {
            Throwable failure = catchThrowable(() -> engine.resolve(name, DestinationOptions.NONE));

            assertTypedAndClean(failure, "letters, digits", log.text());
            assertThat(failure).isInstanceOf(DestinationConfigurationException.class);
            assertThat(((DestinationConfigurationException) failure).property()).isEqualTo("Name");
        }
        assertThat(services.finds()).as("find requests sent").isZero();
        assertThat(services.sinkRequests()).isZero();
    }
}
