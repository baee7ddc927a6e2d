package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DiagnosisReport;
import io.github.camelbtp.rfc.soap.SoapRfcTransport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code operation=diagnose}: instead of calling the function module, walks the hops of the destination through the
 * engine's diagnosis ({@link io.github.camelbtp.connectivity.BtpConnectivity#diagnose(String, String,
 * io.github.camelbtp.connectivity.DestinationOptions, io.github.camelbtp.connectivity.HttpBackendCheck)}) with
 * {@code RFC_PING} as the backend hop ({@link RfcPingCheck}), and answers as btp-destination's diagnose does: the
 * {@link DiagnosisReport} as the body, the first failed hop in {@link BtpRfcConstants#DIAGNOSIS_FAILED_HOP}. Never
 * throws for a failed hop.
 */
final class BtpRfcDiagnoseProducer extends DefaultProducer {

    BtpRfcDiagnoseProducer(BtpRfcEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public BtpRfcEndpoint getEndpoint() {
        return (BtpRfcEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the hops walked are SOAP-RFC's (Connectivity proxy's HTTP port, the ICM's HTTP address)
        if (!SoapRfcTransport.NAME.equals(getEndpoint().getTransport())) {
            throw new IllegalArgumentException("btp-rfc:" + getEndpoint().getFunctionName() + ": operation=diagnose walks"
                    + " the hops of SOAP-RFC and needs transport=soap, not '" + getEndpoint().getTransport() + "'");
        }
    }

    @Override
    public void process(Exchange exchange) {
        BtpRfcEndpoint endpoint = getEndpoint();
        BtpRfcComponent component = endpoint.getComponent();
        Message in = exchange.getIn();
        RfcPingCheck ping = new RfcPingCheck(component.transport(endpoint.getTransport()), endpoint.getSoapUrl());
        DiagnosisReport report = component.connectivity().diagnose(endpoint.getDestination(), "", endpoint.options(in), ping);
        in.setBody(report);
        report.failedHop().ifPresentOrElse(hop -> in.setHeader(BtpRfcConstants.DIAGNOSIS_FAILED_HOP, hop.toString()),
                () -> in.removeHeader(BtpRfcConstants.DIAGNOSIS_FAILED_HOP));
    }
}
