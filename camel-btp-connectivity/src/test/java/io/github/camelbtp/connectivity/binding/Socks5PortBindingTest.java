package io.github.camelbtp.connectivity.binding;

import io.github.camelbtp.connectivity.DestinationConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code onpremise_socks5_proxy_port} of the connectivity binding [consuming-the-connectivity-service-313b215]. */
class Socks5PortBindingTest {

    private static ServiceBindings binding(String socksEntry) {
        return ServiceBindings.fromVcapServices("""
                {"connectivity":[{"label":"connectivity","name":"c","plan":"lite","credentials":{
                  "clientid":"sb-conn!b2","clientsecret":"s3cr3t","token_service_url":"https://sub.authentication.example",
                  "onpremise_proxy_host":"connectivityproxy.internal","onpremise_proxy_http_port":"20003"%s}}]}
                """.formatted(socksEntry));
    }

    @Test
    void socks5PortIsRead() {
        ConnectivityCredentials credentials = binding(",\"onpremise_socks5_proxy_port\":\"20004\"").connectivity().orElseThrow();

        assertThat(credentials.socks5ProxyPort()).isEqualTo(20004);
        assertThat(credentials.hasSocks5Proxy()).isTrue();
    }

    @Test
    void bindingWithoutSocks5PortStillServesHttp() {
        ConnectivityCredentials credentials = binding("").connectivity().orElseThrow();

        assertThat(credentials.hasSocks5Proxy()).isFalse();
        assertThat(credentials.httpProxyPort()).isEqualTo(20003);
    }

    @Test
    void socks5PortThatIsNoNumberNamesTheKey() {
        DestinationConfigurationException e = catchThrowableOfType(DestinationConfigurationException.class,
                () -> binding(",\"onpremise_socks5_proxy_port\":\"socks\"").connectivity());

        assertThat(e.getMessage()).contains("onpremise_socks5_proxy_port").contains("'socks'").doesNotContain("s3cr3t");
    }
}
