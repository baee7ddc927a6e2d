package io.github.camelbtp.destination.http;

import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.ResolvedDestination;

import org.apache.camel.util.UnsafeUriCharactersEncoder;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Builds the URL a request goes to from the destination URL, the endpoint's path, a {@code CamelHttpPath} header and
 * the query parts. Guarantees that nothing but the destination decides scheme, host and port: a relative path with a
 * scheme, an authority, a backslash, or a {@code ..} that climbs above the destination's path is refused.
 */
public final class RequestTarget {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** How many endpoint paths {@link #CHECKED_ENDPOINT_PATHS} remembers (Camel's endpoint cache holds 1,000). */
    private static final int ENDPOINT_PATHS_REMEMBERED = 1_000;
    /**
     * Endpoint paths that passed {@link #checkRelative}, with their canonical form: an endpoint's path is the same
     * for every exchange, and checking it (several decodings per segment) was the largest per-exchange cost of
     * building the URL (issue 12). Only endpoint paths, which come from the route, never a header's path, which comes
     * from the caller; refused paths are never remembered.
     */
    private static final Map<String, String> CHECKED_ENDPOINT_PATHS = new ConcurrentHashMap<>();

    private RequestTarget() {
    }

    /**
     * The URL for one request as camel-http sees and logs it: destination URL + endpoint path + header path; endpoint
     * and header queries. The destination's {@code URL.queries.*} (API keys travel there) are left out here and added
     * by {@link #withDestinationQueries} only when the request is sent, so they never reach camel-http's DEBUG log,
     * its exception messages or the {@code CamelHttpUri} header.
     */
    public static String build(ResolvedDestination resolved, String endpointPath, String headerPath, String endpointQuery,
            String headerQuery) {
        checkHeaderQuery(resolved.name(), headerQuery);
        String checkedHeaderPath = headerPath == null || headerPath.isBlank() ? null : checkRelative(resolved.name(), headerPath);
        return build(resolved.url(), new String[] { checkedEndpointPath(resolved.name(), endpointPath), checkedHeaderPath },
                endpointQuery, headerQuery);
    }

    /**
     * The URI of a URL {@link #build} made, as camel-http would have turned it into one: characters a URI may not
     * hold encoded ({@link UnsafeUriCharactersEncoder#encodeHttpURI}), non-ASCII characters as UTF-8 escapes.
     * Unlike camel-http, which resolves Camel property placeholders in the URL of every request, the URL stays as
     * the destination and the route made it: a {@code {{...}}} in a destination's URL is sent encoded, never
     * replaced by a property of the Camel context (a destination administrator could otherwise have a secret of the
     * application sent to their server).
     */
    public static URI uri(String url) throws URISyntaxException {
        URI parsed = new URI(UnsafeUriCharactersEncoder.encodeHttpURI(url));
        String ascii = parsed.toASCIIString();
        return ascii.equals(parsed.toString()) ? parsed : new URI(ascii);
    }

    /** {@link #checkRelative} of an endpoint's path, remembered (see {@link #CHECKED_ENDPOINT_PATHS}). */
    private static String checkedEndpointPath(String destination, String endpointPath) {
        if (endpointPath == null || endpointPath.isBlank()) {
            return null;
        }
        String checked = CHECKED_ENDPOINT_PATHS.get(endpointPath);
        if (checked == null) {
            checked = checkRelative(destination, endpointPath);
            if (CHECKED_ENDPOINT_PATHS.size() < ENDPOINT_PATHS_REMEMBERED) {
                CHECKED_ENDPOINT_PATHS.put(endpointPath, checked);
            }
        }
        return checked;
    }

    /**
     * The request's path and query ({@code /p?q}, as built by {@link #build(ResolvedDestination, String, String, String,
     * String)}) with the destination's {@code URL.queries.*} inserted right after the destination URL's own query, where
     * they always stood.
     */
    public static String withDestinationQueries(String pathAndQuery, ResolvedDestination resolved) {
        if (resolved.queryParameters().isEmpty()) {
            return pathAndQuery;
        }
        String destinationQueries = encode(resolved.queryParameters());
        if (destinationQueries.isEmpty()) {
            return pathAndQuery;
        }
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        String query = mark < 0 ? "" : pathAndQuery.substring(mark + 1);
        String base = resolved.url().getRawQuery() == null ? "" : resolved.url().getRawQuery();
        StringJoiner joined = new StringJoiner("&");
        if (!base.isEmpty() && (query.equals(base) || query.startsWith(base + "&"))) {
            joined.add(base);
            query = query.substring(base.length()).replaceFirst("^&", "");
        }
        joined.add(destinationQueries);
        if (!query.isEmpty()) {
            joined.add(query);
        }
        return path + "?" + joined;
    }

    /**
     * The query of the {@code CamelHttpQuery} (or {@code CamelHttpRawQuery}) header is sent as it is: a raw line break
     * could split the request line (camel-http encodes spaces and the like, not control characters, which failed deep
     * in the HTTP client as a URISyntaxException).
     */
    private static void checkHeaderQuery(String destination, String query) {
        if (query != null && query.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BtpConnectivityException(destination, "Refused query '" + shown(query) + "' of header"
                    + " CamelHttpQuery (or CamelHttpRawQuery) for destination '" + destination + "': it holds a line"
                    + " break or another control character. Percent-encode the values (a line break is %0D%0A), or pass"
                    + " parameters as endpoint options, which are encoded for you.");
        }
    }

    /**
     * @param base          the destination URL
     * @param checkedPaths  path parts to append, in order, as {@link #checkRelative} returned them (nulls and empty
     *                      parts skipped)
     * @param queries       query strings to append, in order (raw, already encoded; nulls skipped)
     */
    private static String build(URI base, String[] checkedPaths, String... queries) {
        StringBuilder path = new StringBuilder(base.getRawPath() == null ? "" : base.getRawPath());
        for (String checked : checkedPaths) {
            if (checked == null || checked.isEmpty()) {
                continue;
            }
            if (path.length() == 0 || path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(checked.startsWith("/") ? checked.substring(1) : checked);
        }
        StringJoiner query = new StringJoiner("&");
        if (base.getRawQuery() != null && !base.getRawQuery().isEmpty()) {
            query.add(base.getRawQuery());
        }
        for (String q : queries) {
            if (q != null && !q.isBlank()) {
                query.add(q.startsWith("?") ? q.substring(1) : q);
            }
        }
        String authority = base.getRawAuthority();
        return base.getScheme() + "://" + authority + path + (query.length() > 0 ? "?" + query : "");
    }

    /**
     * Encodes query parameters ({@code URL.queries.*}, the endpoint's pass-through parameters) for the query string,
     * leaving the characters RFC 3986 allows in a query readable, so OData's {@code $top}, {@code '…'} and
     * {@code (…)} arrive as users wrote them. Spaces become {@code %20}.
     */
    public static String encode(Map<String, ?> parameters) {
        StringJoiner joiner = new StringJoiner("&");
        parameters.forEach((k, v) -> {
            if (v instanceof Iterable<?> values) {
                values.forEach(value -> joiner.add(encodeComponent(k) + "=" + encodeComponent(String.valueOf(value))));
            } else {
                joiner.add(encodeComponent(k) + (v == null ? "" : "=" + encodeComponent(String.valueOf(v))));
            }
        });
        return joiner.toString();
    }

    private static String encodeComponent(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%2C", ",").replace("%3A", ":").replace("%2F", "/")
                .replace("%40", "@").replace("%21", "!").replace("%2A", "*");
    }

    /**
     * Checks a relative path and returns it with {@code .} and {@code ..} segments resolved (so the server and the
     * Cloud Connector's path allow-list see the canonical path). Segments stay as encoded as they were.
     */
    private static String checkRelative(String destination, String relative) {
        if (relative.contains("?") || relative.contains("#") || relative.contains("\\")) {
            throw refused(destination, relative, "a path may not carry a query, a fragment or a backslash");
        }
        if (relative.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(destination, relative, "a path may not carry a line break or another control character");
        }
        String decodedWhole = decode(destination, relative);
        if (SCHEME.matcher(decodedWhole).find() || decodedWhole.startsWith("//") || decodedWhole.contains("\\")) {
            throw refused(destination, relative, "a path may not carry a scheme or an authority");
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] raw = relative.split("/", -1);
        for (String segment : raw) {
            refuseDisguisedDotSegment(destination, relative, segment);
            String decoded = decode(destination, segment);
            if (decoded.contains("/")) {
                throw refused(destination, relative, "an encoded '/' inside a segment is not allowed");
            }
            if (decoded.equals("..")) {
                if (segments.isEmpty()) {
                    throw refused(destination, relative, "'..' would leave the destination's path");
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !decoded.equals(".")) {
                segments.addLast(segment);
            }
        }
        String last = raw[raw.length - 1];
        boolean trailingSlash = relative.endsWith("/") || last.equals(".") || last.equals("..")
                || decode(destination, last).equals(".") || decode(destination, last).equals("..");
        String joined = String.join("/", segments);
        return trailingSlash && !joined.isEmpty() ? joined + "/" : joined;
    }

    /**
     * Servers do not all read a segment the way this class does: Tomcat, Jetty and Spring drop {@code ;} parameters
     * ({@code ..;} is {@code ..} to them), and some decode twice ({@code %252e%252e} is {@code ..} to them). So a dot
     * segment that carries parameters, or that shows only after a second decoding, and a {@code /} or {@code \} that
     * shows only then, are refused: behind such a server they would climb out of the destination's path.
     */
    private static void refuseDisguisedDotSegment(String destination, String relative, String segment) {
        // overlong UTF-8 (%C0%AE, %E0%80%AE for '.', %C0%AF for '/') is invalid UTF-8, but lenient decoders read it
        // as the character it spells; no valid UTF-8 text starts a sequence with C0, C1, E0 80-9F or F0 80-8F
        if (OVERLONG_UTF8.matcher(segment).find()) {
            throw refused(destination, relative, "an overlong UTF-8 encoding (%C0%AE and the like) is a '.', '/' or"
                    + " '\\' to lenient decoders");
        }
        String level = segment;
        // each decoding that changes the text shortens it, so this ends
        for (int decodings = 1; ; decodings++) {
            String decoded;
            try {
                decoded = URLDecoder.decode(level.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncodedFurther) {
                return; // a literal '%' ("100%"): no server decodes this level into something else
            }
            int semicolon = decoded.indexOf(';');
            String name = semicolon < 0 ? decoded : decoded.substring(0, semicolon);
            boolean dotSegment = name.equals(".") || name.equals("..");
            if (dotSegment && semicolon >= 0) {
                throw refused(destination, relative, "a '.' or '..' segment with ';' parameters is a dot segment to"
                        + " servers that drop parameters");
            }
            if (decodings > 1 && (dotSegment || decoded.contains("/") || decoded.contains("\\"))) {
                throw refused(destination, relative, "a '.', '..', '/' or '\\' encoded twice (%25…) is one to servers"
                        + " that decode twice");
            }
            if (decodings > 1 && decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw refused(destination, relative, "a control character encoded twice is not allowed");
            }
            if (decoded.equals(level)) {
                return;
            }
            level = decoded;
        }
    }

    /** The lead bytes of overlong UTF-8 sequences, percent-encoded once or more (%25C0%25AE too). */
    private static final java.util.regex.Pattern OVERLONG_UTF8 = java.util.regex.Pattern.compile(
            "(?i)%(?:25)*(?:C[01]|E0%(?:25)*[89]|F0%(?:25)*8)");

    private static String decode(String destination, String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(destination, text, "it is not validly percent-encoded");
        }
    }

    /** At most 120 characters of a refused value, control characters escaped (they must not reach a log line raw). */
    private static String shown(String value) {
        String cut = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        StringBuilder escaped = new StringBuilder(cut.length());
        cut.chars().forEach(c -> escaped.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    private static BtpConnectivityException refused(String destination, String path, String why) {
        String shown = shown(path);
        return new BtpConnectivityException(destination, "Refused path '" + shown + "' for destination '" + destination
                + "': " + why + ". Only the destination decides which system is called; put the target in the"
                + " destination's URL and pass relative paths only.");
    }
}
