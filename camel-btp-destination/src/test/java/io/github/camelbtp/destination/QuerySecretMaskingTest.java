package io.github.camelbtp.destination;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.sandbox.observe.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code URL.queries.*} values carry API keys (issue 8, item 13): they reach the target, but never a DEBUG log line,
 * a {@code toString()} or an exception message.
 */
class QuerySecretMaskingTest extends BtpDestinationTestSupport {

    private static final String API_KEY = "Api-Key-In-Query-8834";

    @RegisterExtension
    final DebugLogCapture logs = new DebugLogCapture("io.github.camelbtp", "org.apache.camel");

    @Test
    void apiKeyInUrlQueriesReachesTheTargetButNoLogOrToString() {
        sandbox().destinations().putSubaccount(Map.of("Name", "CloudWithApiKey", "Type", "HTTP", "ProxyType", "Internet",
                "URL", sandbox().cloudApiUri().toString(), "Authentication", "NoAuthentication",
                "URL.queries.apikey", API_KEY));
        int before = sandbox().backendRequests().all().size();

        Exchange exchange = get("btp-destination:CloudWithApiKey/api/v1/products?$top=1");
        Exchange failed = get("btp-destination:CloudWithApiKey/api/v1/no-such-collection");

        List<RecordedRequest> requests = sandbox().backendRequests().all();
        assertThat(requests.subList(before, requests.size()))
                .anySatisfy(r -> assertThat(r.rawQuery()).contains("apikey=" + API_KEY));
        assertThat(failed.getException()).isNotNull();
        List<String> texts = new ArrayList<>(logs.lines());
        for (Throwable t = failed.getException(); t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        texts.add(String.valueOf(exchange.getMessage().getHeaders()));
        texts.add(component().connectivity().destination("CloudWithApiKey", DestinationOptions.NONE).toString());
        texts.add(component().connectivity().resolve("CloudWithApiKey", DestinationOptions.NONE).toString());
        assertThat(logs.lines()).isNotEmpty();
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(API_KEY));
    }
}
