package io.github.camelbtp.connectivity;

import io.github.camelbtp.connectivity.http.ProxyAnswers;
import io.github.camelbtp.connectivity.socks.SocksReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table of causes: each status of the Connectivity proxy and each SOCKS5 reply code SAP documents maps to its
 * {@link Cause}, and the engine's exception for it carries that cause's sentences — the same the diagnosis prints and
 * docs/troubleshooting.md lists — besides what was seen (destination, location, status or code, target).
 */
class CauseOfRefusalTest {

    @ParameterizedTest(name = "proxy status {0} -> {1}")
    @CsvSource({"403, ACCESS_DENIED", "405, PROXY_405_HTTPS", "407, PROXY_407", "431, PROXY_431", "503, PROXY_503",
        "0, PROXY_UNREACHABLE"})
    void eachProxyStatusMapsToItsCause(int status, Cause cause) {
        assertThat(Cause.ofProxyStatus(status)).isEqualTo(cause);
    }

    @ParameterizedTest(name = "SOCKS5 reply {0} -> {1}")
    @CsvSource({"1, BACKEND_UNREACHABLE", "2, SOCKS5_NO_MAPPING", "3, SOCKS5_NOT_CONNECTED", "4, BACKEND_UNREACHABLE",
        "5, SOCKS5_AUTHENTICATION_FAILED"})
    void eachSocksReplyCodeMapsToItsCause(int code, Cause cause) {
        assertThat(Cause.ofSocksReply(code)).isEqualTo(cause);
    }

    @ParameterizedTest(name = "proxy status {0}")
    @CsvSource({"403", "405", "407", "431", "503"})
    void proxyRefusalMessageCarriesItsCauseAndFixFromTheTable(int status) {
        String body = status == 403 ? "Access denied to system erp.internal:44300\nmore" : "";

        CloudConnectorException e = ProxyAnswers.explain("OnPremiseERP", "Plant01", status, null, body).orElseThrow();

        Cause cause = Cause.ofProxyStatus(status);
        assertThat(e.getMessage()).contains("'OnPremiseERP'").contains("'Plant01'").contains(String.valueOf(status))
                .contains("Cause: " + cause.cause() + ".").contains("Fix: " + cause.fix() + ".")
                .contains("[SAP: " + cause.page() + "]");
        assertThat(e.status()).isEqualTo(status);
        if (status == 403) {
            assertThat(e.getMessage()).contains("Access denied to system erp.internal:44300").doesNotContain("more");
        }
    }

    @ParameterizedTest(name = "SOCKS5 reply {0}")
    @CsvSource({"1", "2", "3", "4", "5"})
    void socksRefusalMessageCarriesItsCauseAndFixFromTheTable(int code) {
        CloudConnectorException e = SocksReply.exception("LegacyTcp", "Plant01", "legacy.internal:7000", code);

        Cause cause = Cause.ofSocksReply(code);
        assertThat(e.getMessage()).contains("'LegacyTcp'").contains("'Plant01'").contains("legacy.internal:7000")
                .contains(String.format("reply code %02X", code)).contains(SocksReply.meaning(code))
                .contains("Cause: " + cause.cause() + ".").contains("Fix: " + cause.fix() + ".")
                .contains("[SAP: " + cause.page() + "]");
        assertThat(e.status()).isEqualTo(code);
    }
}
