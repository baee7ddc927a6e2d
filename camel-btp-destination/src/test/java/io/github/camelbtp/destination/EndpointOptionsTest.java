package io.github.camelbtp.destination;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** How endpoint URIs split into the component's own options and the target's query. */
class EndpointOptionsTest {

    @Test
    void ownOptionsAreBoundInAnyCaseAndTheRestIsTheTargetsQuery() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            BtpDestinationEndpoint endpoint = context.getEndpoint(
                    "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"
                            + "?$top=10&CSRFPROTECTION=false&sap-client=100&$filter=Status eq 'A'",
                    BtpDestinationEndpoint.class);

            assertThat(endpoint.getHttp().isCsrfProtection()).isFalse();
            // Camel normalises endpoint URIs, which sorts their parameters
            assertThat(endpoint.getTargetQuery()).isEqualTo("$filter=Status%20eq%20'A'&$top=10&sap-client=100");
        }
    }

    @Test
    void optionsOfEveryGroupKeepTheirFlatUriNamesAndNeverReachTheTarget() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            BtpDestinationEndpoint endpoint = context.getEndpoint("btp-destination:CorporateLDAP?tenantHeader=X-Tenant"
                    + "&chainVar.subject=x&okStatusCodeRange=200-399&folderName=Orders&ldapDn=uid=alice&tcpFraming=untilClose"
                    + "&delay=5s", BtpDestinationEndpoint.class);

            assertThat(endpoint.getLookup().getTenantHeader()).isEqualTo("X-Tenant");
            assertThat(endpoint.getLookup().getChainVariables()).containsEntry("subject", "x");
            assertThat(endpoint.getHttp().getOkStatusCodeRange()).isEqualTo("200-399");
            assertThat(endpoint.getMail().getFolderName()).isEqualTo("Orders");
            assertThat(endpoint.getMail().getDelay()).isEqualTo(5_000);
            assertThat(endpoint.getLdap().getLdapDn()).isEqualTo("uid=alice");
            assertThat(endpoint.getTcp().getTcpFraming()).isEqualTo(io.github.camelbtp.destination.tcp.TcpFraming.untilClose);
            assertThat(endpoint.getTargetQuery()).as("no option is taken for a target parameter").isNull();
        }
    }

    /**
     * Regression: Camel's reflective binding (tried for every parameter its configurer does not know) is not safe when
     * one URI is resolved by many threads at once; 32 cold exchanges failed about 1 round in 40 with
     * "Error binding property ($top=1)". Target parameters no longer go near it.
     */
    @Test
    void manyThreadsResolvingOneUriAtOnceAllGetTheEndpoint() throws Exception {
        String uri = "btp-destination:OnPremiseERP/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$top=1";
        for (int round = 0; round < 40; round++) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.start();
                ExecutorService pool = Executors.newFixedThreadPool(32);
                try {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<BtpDestinationEndpoint>> endpoints = new ArrayList<>();
                    for (int i = 0; i < 32; i++) {
                        endpoints.add(pool.submit(() -> {
                            start.await();
                            return context.getEndpoint(uri, BtpDestinationEndpoint.class);
                        }));
                    }
                    start.countDown();
                    for (Future<BtpDestinationEndpoint> endpoint : endpoints) {
                        assertThat(endpoint.get().getTargetQuery()).isEqualTo("$top=1");
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }
}
