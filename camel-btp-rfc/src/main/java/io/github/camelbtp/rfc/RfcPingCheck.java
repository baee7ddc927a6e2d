package io.github.camelbtp.rfc;

import io.github.camelbtp.connectivity.DestinationOptions;
import io.github.camelbtp.connectivity.HttpBackendCheck;
import io.github.camelbtp.connectivity.destination.Destination;
import io.github.camelbtp.rfc.soap.SoapRfcAddress;
import io.github.camelbtp.rfc.spi.RfcCall;
import io.github.camelbtp.rfc.spi.RfcSession;
import io.github.camelbtp.rfc.spi.RfcTarget;
import io.github.camelbtp.rfc.spi.RfcTransport;

import java.io.IOException;
import java.util.Map;

/**
 * The backend hop of {@code operation=diagnose}: calls {@code RFC_PING} — SAP's standard no-op function module, which
 * changes nothing and needs no parameters — over SOAP-RFC, with the destination's logon (user, client, language). The
 * other hops are walked for the HTTP destination SOAP-RFC travels as ({@link SoapRfcAddress}). A refused logon (401)
 * or a missing S_RFC authorization fails the {@code authentication} hop; an ABAP exception or an unexpected answer the
 * {@code backend} hop; the Connectivity proxy's and the Cloud Connector's refusals their own hops.
 */
final class RfcPingCheck implements HttpBackendCheck {

    static final String RFC_PING = "RFC_PING";

    private final RfcTransport transport;
    private final String soapUrl;

    RfcPingCheck(RfcTransport transport, String soapUrl) {
        this.transport = transport;
        this.soapUrl = soapUrl;
    }

    @Override
    public Destination httpDestination(Destination found) {
        return SoapRfcAddress.of(new RfcTarget(found, DestinationOptions.NONE, soapUrl)).httpDestination();
    }

    @Override
    public Answer check(Destination found, DestinationOptions options) throws IOException {
        RfcTarget target = new RfcTarget(found, options, soapUrl);
        SoapRfcAddress address = SoapRfcAddress.of(target);
        String as = "user " + address.user() + (address.client() == null ? "" : ", client " + address.client());
        try (RfcSession session = transport.openSession(target, false)) {
            session.call(new RfcCall(RFC_PING, Map.of(), null, null, null), true);
            return new Answer(200, RFC_PING + " answered over SOAP-RFC (" + address.servicePrefix()
                    + SoapRfcAddress.RFC_SERVICE + ", " + as + ")");
        } catch (RfcLogonException e) {
            return new Answer(401, e.getMessage());
        } catch (RfcAuthorizationException e) {
            // the logon worked; the user lacks S_RFC for RFC_PING: the system's refusal of this user (403's meaning)
            return new Answer(403, e.getMessage());
        } catch (RfcException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            // an ABAP exception, an inactive ICF service, an answer that is not SOAP-RFC: the system's own failure
            return new Answer(500, e.getMessage());
        }
    }
}
