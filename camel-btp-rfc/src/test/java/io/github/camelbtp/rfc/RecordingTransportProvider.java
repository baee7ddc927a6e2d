package io.github.camelbtp.rfc;

import io.github.camelbtp.rfc.soap.SoapRfcTransport;
import io.github.camelbtp.rfc.spi.RfcCall;
import io.github.camelbtp.rfc.spi.RfcSession;
import io.github.camelbtp.rfc.spi.RfcTarget;
import io.github.camelbtp.rfc.spi.RfcTransport;
import io.github.camelbtp.rfc.spi.RfcTransportContext;
import io.github.camelbtp.rfc.spi.RfcTransportProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport found through the service interface, as a JCo transport would be: it records each call and passes it
 * to the SOAP transport, so the test proves discovery and selection against the real system.
 */
public final class RecordingTransportProvider implements RfcTransportProvider {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public RfcTransport create(RfcTransportContext context) {
        SoapRfcTransport soap = new SoapRfcTransport(context.connectivity(), context.httpClient());
        return new RfcTransport() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public FunctionInterface describe(RfcTarget target, String function) {
                return soap.describe(target, function);
            }

            @Override
            public RfcSession openSession(RfcTarget target, boolean stateful) {
                RfcSession session = soap.openSession(target, stateful);
                return new RfcSession() {
                    @Override
                    public Map<String, Object> call(RfcCall call, boolean endSession) {
                        CALLS.add(target.name() + ":" + call.function());
                        return session.call(call, endSession);
                    }

                    @Override
                    public boolean isOpen() {
                        return session.isOpen();
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }
        };
    }
}
