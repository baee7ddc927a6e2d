package io.github.camelbtp.connectivity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's packages depend on each other in one direction only, the one their package-info.java declares. Reads
 * the main sources (imports and fully qualified names, comments stripped) with plain Java: no library decides what a
 * dependency is.
 * <p>
 * The root package is the engine's API: its facade ({@code BtpConnectivity}, {@code Pipeline}, {@code TenantStrategy}
 * and their helpers) may use every package; the other packages may use only its vocabulary (exceptions, options and
 * the resolved results), never the facade.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.github.camelbtp.connectivity";
    /** Bottom first: a package may import only packages before it. */
    private static final List<String> LAYERS = List.of("socks", "tls", "http", "breaker", "binding", "destination", "cache", "auth",
            "dispatch");
    /** The root package's classes other packages may use. */
    private static final Set<String> VOCABULARY = Set.of("BtpConnectivityException", "CloudConnectorException", "Cause",
            "DestinationConfigurationException", "DestinationNotFoundException", "DestinationServiceException",
            "TokenException", "TransparentProxyException", "DestinationCircuitOpenException", "DestinationOptions", "ServiceStatus", "Resolved",
            "ResolvedDestination", "SocketDestination", "ConnectivityListener", "LookupResult", "TokenSource");
    /**
     * Imports against the direction that are known and not yet moved, as "class -> package": each one is listed in the
     * engine's architecture notes. The list may only shrink: an entry that no longer occurs fails the test too.
     */
    private static final Set<String> KNOWN = Set.of();

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.camelbtp\\.connectivity\\.(?:([a-z]+)\\.)?([A-Z]\\w*)");

    /** "package.Class" (root: "Class") -> the engine types it references, as "package.Class". */
    private static final Map<String, Set<String>> REFERENCES = new LinkedHashMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path sources = Path.of("src/main/java/io/github/camelbtp/connectivity");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                String pkg = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                String name = file.getFileName().toString().replace(".java", "");
                String code = read(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Set<String> targets = new TreeSet<>();
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    targets.add((m.group(1) == null ? "" : m.group(1) + ".") + m.group(2));
                }
                REFERENCES.put((pkg.isEmpty() ? "" : pkg + ".") + name, targets);
            }
        }
        assertThat(REFERENCES).hasSizeGreaterThan(50);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(String type) {
        return type.contains(".") ? type.substring(0, type.indexOf('.')) : "";
    }

    private static String simpleName(String type) {
        return type.substring(type.indexOf('.') + 1);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> packages = new TreeSet<>();
        REFERENCES.keySet().stream().map(PackageDependenciesTest::packageOf).filter(p -> !p.isEmpty()).forEach(packages::add);
        assertThat(packages).containsExactlyInAnyOrderElementsOf(LAYERS);
        for (String layer : LAYERS) {
            assertThat(Path.of("src/main/java/io/github/camelbtp/connectivity", layer, "package-info.java"))
                    .as("package-info.java of %s says where it sits", layer).exists();
        }
    }

    @Test
    void packagesImportOnlyPackagesBelowThem() {
        List<String> against = new ArrayList<>();
        Set<String> knownSeen = new HashSet<>();
        REFERENCES.forEach((type, targets) -> {
            String from = packageOf(type);
            if (from.isEmpty()) {
                return; // the facade may use everything
            }
            for (String target : targets) {
                String to = packageOf(target);
                if (to.equals(from)) {
                    continue;
                }
                if (to.isEmpty()) {
                    if (!VOCABULARY.contains(target)) {
                        against.add(type + " -> facade " + target);
                    }
                    continue;
                }
                if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                    String edge = type + " -> " + to;
                    if (KNOWN.contains(edge)) {
                        knownSeen.add(edge);
                    } else {
                        against.add(edge + " (" + simpleName(target) + ")");
                    }
                }
            }
        });
        assertThat(against).as("imports against the direction %s", LAYERS).isEmpty();
        assertThat(knownSeen).as("known exceptions that no longer occur must leave the list").containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void noCyclesBetweenPackagesBesideTheKnownExceptions() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        REFERENCES.forEach((type, targets) -> {
            String from = packageOf(type);
            for (String target : targets) {
                String to = packageOf(target);
                boolean known = KNOWN.contains(type + " -> " + to);
                // the root's vocabulary are records and exceptions every package may name; the facade sits on top
                if (!from.isEmpty() && !to.isEmpty() && !to.equals(from) && !known) {
                    graph.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                }
            }
        });
        for (String start : graph.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    assertThat(next).as("cycle %s", longer).isNotEqualTo(start);
                    if (!path.contains(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
    }
}
