package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.destination.AuthenticationType;
import io.github.camelbtp.connectivity.auth.BasicCredentials;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.connectivity.destination.DestinationProperty;
import io.github.camelbtp.connectivity.destination.PerDestination;
import io.github.camelbtp.connectivity.http.ProxyAddress;
import io.github.camelbtp.connectivity.http.HttpHeader;
import io.github.camelbtp.connectivity.http.ProxyTokenRenewal;
import io.github.camelbtp.connectivity.tls.TlsMaterial;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a transport needs to send one request to a destination, produced by
 * {@link BtpConnectivity#resolve(String, DestinationOptions)}. Resolve per request: tokens rotate, and resolving is a
 * cache hit in the common case. {@code toString()} shows header names only.
 *
 * @param destination          the destination as found
 * @param url                  the destination's {@code URL}
 * @param headers              headers to set on every request: authentication, {@code URL.headers.*}, proxy headers
 * @param queryParameters      query parameters to add to every request ({@code URL.queries.*})
 * @param proxy                the proxy to send through, or {@code null} for a direct connection
 * @param connectTimeout       {@code URL.connectionTimeoutInSeconds} (default 5 s)
 * @param readTimeout          {@code URL.socketReadTimeoutInSeconds} (default 30 s)
 * @param challengeCredentials Basic credentials to answer a 401 challenge with ({@code Preemptive=FALSE}), or {@code null}
 * @param tls                  the destination's own TLS material (key store, trust store, TrustAll, host name
 *                             verifier), or {@code null} for the JDK's defaults
 * @param proxyTokenRenewal    how a {@code 407} of the Connectivity proxy gets a fresh connectivity token for this
 *                             request's tenant, or {@code null} where no connectivity token is sent (or it is not the
 *                             tenant's cached one)
 */
public record ResolvedDestination(Destination destination, URI url, List<HttpHeader> headers,
        Map<String, String> queryParameters, ProxyAddress proxy, Duration connectTimeout, Duration readTimeout,
        BasicCredentials challengeCredentials, TlsMaterial tls, ProxyTokenRenewal proxyTokenRenewal) implements Resolved {

    public ResolvedDestination {
        headers = List.copyOf(headers);
        queryParameters = Map.copyOf(queryParameters);
    }

    /** A destination whose connectivity token, if any, is not renewed on a {@code 407}. */
    public ResolvedDestination(Destination destination, URI url, List<HttpHeader> headers,
            Map<String, String> queryParameters, ProxyAddress proxy, Duration connectTimeout, Duration readTimeout,
            BasicCredentials challengeCredentials, TlsMaterial tls) {
        this(destination, url, headers, queryParameters, proxy, connectTimeout, readTimeout, challengeCredentials, tls,
                null);
    }

    /** This destination with {@code header} instead of its headers of that name (a renewed Proxy-Authorization). */
    public ResolvedDestination withHeader(HttpHeader header) {
        List<HttpHeader> replaced = new java.util.ArrayList<>(headers.size() + 1);
        headers.stream().filter(h -> !h.name().equalsIgnoreCase(header.name())).forEach(replaced::add);
        replaced.add(header);
        return new ResolvedDestination(destination, url, replaced, queryParameters, proxy, connectTimeout, readTimeout,
                challengeCredentials, tls, proxyTokenRenewal);
    }

    /**
     * Whether the destination is {@code PrincipalPropagation}: the user travels to the Connectivity proxy and no
     * {@code Authorization} header may reach the backend [consuming-the-connectivity-service-313b215].
     */
    public boolean propagatesPrincipal() {
        return destination.authentication() == AuthenticationType.PrincipalPropagation;
    }

    /**
     * This destination without the {@code sap-client} / {@code sap-language} headers its properties of those names
     * add; {@code URL.headers.*} entries of the same names stay, as the destination sets them explicitly.
     */
    public ResolvedDestination withoutSapSystemHeaders() {
        java.util.Set<String> explicit = new java.util.HashSet<>();
        destination.propertiesWithPrefix(DestinationProperty.URL_HEADERS_PREFIX).keySet()
                .forEach(k -> explicit.add(k.toLowerCase(java.util.Locale.ROOT)));
        List<HttpHeader> kept = headers.stream().filter(h -> {
            String name = h.name().toLowerCase(java.util.Locale.ROOT);
            boolean fromProperty = (name.equals(DestinationProperty.SAP_CLIENT) || name.equals(DestinationProperty.SAP_LANGUAGE))
                    && !explicit.contains(name);
            return !fromProperty;
        }).toList();
        return kept.size() == headers.size() ? this : new ResolvedDestination(destination, url, kept, queryParameters,
                proxy, connectTimeout, readTimeout, challengeCredentials, tls, proxyTokenRenewal);
    }

    /**
     * The scope of everything that belongs to the identity a request of this destination acts as: SAP session
     * cookies and CSRF tokens, and keep-alive connections through the Connectivity proxy. It is the destination (name,
     * URL, Cloud Connector location), the request's tenant and the identity the {@code Authentication} type logs on
     * as ({@link AuthenticationType#identity}): the propagated user for the user-dependent types, the {@code User} for
     * Basic, the client for the client-credential types, the key store for client certificates, nobody for
     * NoAuthentication. Two requests with the same scope may share a session; two with different scopes never do.
     * Tokens appear as hashes only, so the scope may be logged (HttpClient logs connection states at DEBUG).
     *
     * @param options the options this destination was resolved with (tenant, user token, …)
     */
    public String identityScope(DestinationOptions options) {
        // through SAP's Transparent Proxy the engine never sees the destination's authentication, so it cannot tell
        // whom the proxy logs on as: every user and tenant input of the request is part of the identity
        String identity = destination.viaTransparentProxy() ? options.cacheKey()
                : AuthenticationType.of(destination).identity(destination, options);
        return destination.name() + '|' + java.util.Objects.toString(options.tenant(), "") + '|' + scopeHash(identity);
    }

    /**
     * The hash part of {@link #identityScope}, remembered per destination object: a SHA-256 per exchange was most of
     * what btp-destination allocated per request on top of the resolution (issue 12). Reused only when everything
     * hashed is the same (URL, TLS material, identity), so it can never name another identity's scope.
     */
    private String scopeHash(String identity) {
        String fingerprint = this.tls == null ? "" : this.tls.fingerprint();
        ScopeHash known = SCOPE_HASHES.get(destination);
        if (known != null && known.url() == url && known.tlsFingerprint().equals(fingerprint)
                && known.identity().equals(identity)) {
            return known.hash();
        }
        String hash = DestinationOptions.hash(url + "|" + destination.locationId() + '|' + identity + '|' + fingerprint);
        SCOPE_HASHES.put(destination, new ScopeHash(url, fingerprint, identity, hash));
        return hash;
    }

    /**
     * {@link #scopeHash}'s memory, keyed by the destination object (weakly: it goes when the destination does). Shared
     * by every engine of the JVM, so it keeps the TLS material's fingerprint, never the material: a closed engine's
     * opened key stores must not stay reachable from here.
     */
    private static final PerDestination<ScopeHash> SCOPE_HASHES = new PerDestination<>();

    private record ScopeHash(URI url, String tlsFingerprint, String identity, String hash) {
    }

    @Override
    public String toString() {
        return "ResolvedDestination[name=" + destination.name() + ", url=" + url + ", proxy=" + proxy + ", headers="
                + headers.stream().map(HttpHeader::name).toList() + ", queryParameters=" + queryParameters.keySet()
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + (tls == null ? "" : ", tls=" + tls) + "]";
    }
}
