package io.github.camelbtp.sandbox.token;

import io.github.camelbtp.sandbox.destination.Tenants;
import io.github.camelbtp.sandbox.wire.HttpsBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The token service under host names, as on BTP: {@code https://<subdomain>.<uaadomain>:<port>/oauth/token} for the
 * provider ({@code sandbox}) and every subscribed tenant, picked by the {@code Host} header, and
 * {@code https://<uaadomain>:<port>/oauth/token} with {@code x-zid} [multitenancy-in-the-destination-service-4e07f25].
 * TLS with a certificate generated at start for {@code *.<uaadomain>} ({@link #certificate()}).
 * <p>
 * The names must resolve to loopback for clients. When a hosts file is given (a JVM started with
 * {@code -Djdk.net.hosts.file=FILE}, which the JDK reads on every lookup), the sandbox writes {@code localhost}, the
 * domain and the provider's and every subscribed tenant's name into it as they appear; Node takes the preload
 * documented in the sandbox README. Thread-safe.
 */
public final class TokenServiceHostNames implements AutoCloseable {

    /** The default domain: under {@code .test}, reserved by RFC 2606 for testing, so it can never reach a real host. */
    public static final String DEFAULT_DOMAIN = "authentication.sandbox.test";

    /** Every name any sandbox of this JVM has served, so that sandboxes sharing one hosts file never drop another's. */
    private static final Set<String> NAMES_OF_THIS_JVM = new TreeSet<>();

    private final String domain;
    private final TokenServiceTls tls;
    private final HttpsBackend server;
    private final Path hostsFile;

    TokenServiceHostNames(String domain, XsuaaService service, TokenAuthority authority, Tenants tenants, Path hostsFile) {
        if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("the token service's domain must be a lower-case DNS name with a dot: "
                    + domain);
        }
        this.domain = domain;
        this.hostsFile = hostsFile;
        this.tls = TokenServiceTls.generate(domain, Duration.ofDays(30));
        this.server = new HttpsBackend(tls.serverContext(), false, false, service.hostNameHandler(domain));
        authority.issueUnderHostNames(uaaDomain());
        resolve(domain);
        resolve(host(Tenants.PROVIDER_SUBDOMAIN));
        tenants.onSubscribe(tenant -> resolve(host(tenant.subdomain())));
        tenants.all().forEach(tenant -> resolve(host(tenant.subdomain())));
    }

    /** The bindings' {@code uaadomain}: the domain with the port, since the sandbox cannot listen on 443. */
    public String uaaDomain() {
        return domain + ":" + server.port();
    }

    /** The domain without port, e.g. {@value #DEFAULT_DOMAIN}. */
    public String domain() {
        return domain;
    }

    /** {@code https://<subdomain>.<uaadomain>:<port>}: a tenant's token service (the provider's: {@code sandbox}). */
    public URI uri(String subdomain) {
        return URI.create("https://" + host(subdomain) + ":" + server.port());
    }

    /** The provider's token service, the bindings' {@code url}. */
    public URI providerUri() {
        return uri(Tenants.PROVIDER_SUBDOMAIN);
    }

    public int port() {
        return server.port();
    }

    /** The self-signed certificate the token service presents: clients trust it explicitly. */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    /** {@link #certificate()} in PEM ({@code NODE_EXTRA_CA_CERTS}, {@code curl --cacert}). */
    public String certificatePem() {
        return tls.certificatePem();
    }

    /** The hosts file the sandbox writes its names into, or {@code null}. */
    public Path hostsFile() {
        return hostsFile;
    }

    private String host(String subdomain) {
        return subdomain + "." + domain;
    }

    /** Adds {@code name} to the hosts file, all names on one line for 127.0.0.1; localhost stays resolvable. */
    private void resolve(String name) {
        if (hostsFile == null) {
            return;
        }
        synchronized (NAMES_OF_THIS_JVM) {
            if (!NAMES_OF_THIS_JVM.add(name) && Files.exists(hostsFile)) {
                return;
            }
            StringBuilder content = new StringBuilder("# written by the camel-btp sandbox: its token service's host names\n")
                    .append("127.0.0.1 localhost");
            NAMES_OF_THIS_JVM.forEach(n -> content.append(' ').append(n));
            // IPv4 only: every sandbox server listens on 127.0.0.1, and a client that also tried ::1 would report that
            // refused connection instead of the first address's real failure (a TLS error, say)
            content.append('\n');
            try {
                Path parent = hostsFile.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temporary = Files.createTempFile(parent, hostsFile.getFileName() + ".", ".tmp");
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, hostsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, hostsFile, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the hosts file " + hostsFile, e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TokenServiceHostNames[" + providerUri() + ", hostsFile=" + hostsFile + "]";
    }
}
