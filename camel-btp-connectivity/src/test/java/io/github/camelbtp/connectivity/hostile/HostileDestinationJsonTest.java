package io.github.camelbtp.connectivity.hostile;

import io.github.camelbtp.connectivity.BtpConnectivity;
import io.github.camelbtp.connectivity.BtpConnectivityException;
import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.binding.ServiceBindings;
import io.github.camelbtp.connectivity.support.LogCapture;
import io.github.camelbtp.connectivity.support.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile-input corpus, family "destination JSON" (issue 11): find answers of a hostile Destination Service on a
 * loopback port — truncated, wrong types, unknown enumerations, missing properties, huge. Each row is a typed
 * {@link BtpConnectivityException} naming the destination and the culprit (property or the answer itself), with no
 * password, client secret or token in the message, its causes or the engine's DEBUG log, and nothing sent to the
 * target or token service the answer names.
 */
class HostileDestinationJsonTest {

    static final String PASSWORD = "hostile-dest-password-7e3a";
    static final String CLIENT_SECRET = "hostile-dest-client-secret-91b4";

    private final HostileServices services = new HostileServices();
    private BtpConnectivity engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        services.close();
    }

    /** A destinationConfiguration with the given properties (JSON members, SINK replaced by the sink URL). */
    private static String configuration(String members) {
        return "{\"owner\":{\"SubaccountId\":\"s\",\"InstanceId\":null},\"destinationConfiguration\":{\"Name\":\"Hostile\","
                + members + "}}";
    }

    private static Arguments row(String name, String answer, String culprit) {
        return Arguments.of(Named.of(name, answer), culprit);
    }

    static Stream<Arguments> hostileAnswers() {
        String basic = "\"Type\":\"HTTP\",\"URL\":\"SINK\",\"ProxyType\":\"Internet\",\"Authentication\":\"BasicAuthentication\","
                + "\"User\":\"u\",\"Password\":\"" + PASSWORD + "\"";
        String oauth = "\"Type\":\"HTTP\",\"URL\":\"SINK\",\"ProxyType\":\"Internet\",\"Authentication\":\"OAuth2ClientCredentials\","
                + "\"clientId\":\"c\",\"clientSecret\":\"" + CLIENT_SECRET + "\",\"tokenServiceURL\":\"SINK/oauth/token\"";
        return Stream.of(
                row("truncated inside the password", configuration(basic).substring(0, configuration(basic).indexOf(PASSWORD) + 6), "JSON"),
                row("truncated before the closing brace", configuration(basic).substring(0, configuration(basic).length() - 2), "JSON"),
                row("empty body", "", "Hostile"),
                row("JSON null", "null", "Hostile"),
                row("a JSON array", "[]", "Hostile"),
                row("an HTML error page answered with 200", "<html><body>Service Unavailable</body></html>", "JSON"),
                row("bytes that are not UTF-8", new String(new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xFF, (byte) 0xFE},
                        StandardCharsets.ISO_8859_1), "JSON"),
                row("destinationConfiguration is a string", "{\"destinationConfiguration\":\"Name=Hostile\"}", "destinationConfiguration"),
                row("destinationConfiguration is an array", "{\"destinationConfiguration\":[" + configuration(basic) + "]}", "destinationConfiguration"),
                row("URL is a number", configuration("\"Type\":\"HTTP\",\"URL\":42"), "URL"),
                row("URL is missing", configuration("\"Type\":\"HTTP\",\"ProxyType\":\"Internet\""), "URL"),
                row("URL is not absolute", configuration("\"Type\":\"HTTP\",\"URL\":\"api.example.com/x\""), "URL"),
                row("URL has scheme ftp", configuration("\"Type\":\"HTTP\",\"URL\":\"ftp://127.0.0.1/x\""), "URL"),
                row("URL has a line break", configuration("\"Type\":\"HTTP\",\"URL\":\"SINK\\r\\nX-Injected: 1\""), "URL"),
                row("ProxyType On-Premise (unknown enumeration)", configuration(basic.replace("Internet", "On-Premise")), "ProxyType"),
                row("Authentication OAuth2Magic (unknown enumeration)",
                        configuration(basic.replace("BasicAuthentication", "OAuth2Magic")), "Authentication"),
                row("Type HTTPS (unknown enumeration)", configuration(basic.replace("\"HTTP\"", "\"HTTPS\"")), "Type"),
                row("TrustAll yes (unknown enumeration)", configuration(basic + ",\"TrustAll\":\"yes\""), "TrustAll"),
                row("BasicAuthentication without Password", configuration(basic.replace(",\"Password\":\"" + PASSWORD + "\"", "")), "Password"),
                row("BasicAuthentication without User", configuration(basic.replace("\"User\":\"u\",", "")), "User"),
                row("OAuth2ClientCredentials without tokenServiceURL",
                        configuration(oauth.replace(",\"tokenServiceURL\":\"SINK/oauth/token\"", "")), "tokenServiceURL"),
                row("OAuth2ClientCredentials without clientId", configuration(oauth.replace("\"clientId\":\"c\",", "")), "clientId"),
                row("URL.connectionTimeoutInSeconds soon", configuration(basic + ",\"URL.connectionTimeoutInSeconds\":\"soon\""),
                        "URL.connectionTimeoutInSeconds"),
                row("ProxyPort 99999", configuration(basic + ",\"ProxyHost\":\"127.0.0.1\",\"ProxyPort\":\"99999\""), "ProxyPort"),
                row("authTokens an object", configuration(basic).replaceFirst("\\}$", ",\"authTokens\":{\"value\":\"x\"}}"), "authTokens"),
                row("huge answer (3 MiB)", configuration(basic + ",\"Description\":\"" + "A".repeat(3 * 1024 * 1024) + "\""), "1048576 bytes"),
                row("nested 5,000 arrays deep", "[".repeat(5_000), "JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileAnswers")
    void hostileFindAnswerIsATypedErrorNamingDestinationAndCulprit(String answer, String culprit) {
        services.answering(answer.replace("SINK", services.sink()).getBytes(StandardCharsets.ISO_8859_1));
        engine = BtpConnectivity.builder().serviceBindings(ServiceBindings.fromVcapServices(services.vcapServices()))
                .environmentDestinations(null).build();

        try (LogCapture log = LogCapture.engine()) {
            Throwable failure = catchThrowable(() -> engine.resolve("Hostile", DestinationOptions.NONE));

            assertThat(failure).isInstanceOf(BtpConnectivityException.class);
            assertThat(((BtpConnectivityException) failure).destinationName()).isEqualTo("Hostile");
            assertThat(failure.getMessage()).contains("'Hostile'").contains(culprit);
            Secrets.assertFreeOf(Secrets.describe(failure) + "\n" + log.text(), PASSWORD, CLIENT_SECRET,
                    HostileServices.BINDING_SECRET, "hostile-binding-token-0c1e");
        }
        assertThat(services.finds()).as("the find request was sent").isPositive();
        assertThat(services.sinkRequests()).as("requests to the target or token service the answer names").isZero();
    }
}
