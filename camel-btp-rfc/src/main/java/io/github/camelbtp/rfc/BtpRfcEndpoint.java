package io.github.camelbtp.rfc;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls an ABAP function module (a BAPI or a custom remote-enabled function) through an SAP BTP destination: an RFC
 * destination ({@code jco.*} properties) or an HTTP destination of the system's ICM, on premise through the Cloud
 * Connector. Speaks SOAP-RFC over HTTP, so SAP JCo is not needed.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "btp-rfc", title = "SAP BTP RFC", syntax = "btp-rfc:functionName",
        producerOnly = true, category = { Category.CLOUD, Category.RPC, Category.SAAS }, headersClass = BtpRfcConstants.class)
public class BtpRfcEndpoint extends DefaultEndpoint {

    @UriPath(description = "The function module to call, for example BAPI_SALESORDER_GETLIST or /BIC/MY_FUNCTION."
            + " It must be remote-enabled, and the destination's user needs RFC authorization for it (S_RFC) in the ABAP"
            + " system: SOAP-RFC travels over the Cloud Connector's HTTP mapping, which checks only the path"
            + " /sap/bc/soap/rfc, not the function.")
    @Metadata(required = true)
    private String functionName;

    @UriParam(description = "The destination to call through: an RFC destination (Type=RFC with jco.client.ashost and"
            + " jco.client.sysnr, or jco.client.mshost for load balancing; jco.client.client, user or alias user,"
            + " password, language, location ID, proxy type, pool limits), or an HTTP destination whose URL is the ABAP"
            + " system's ICM (http://host:80<sysnr>).")
    @Metadata(required = true)
    private String destination;

    @UriParam(description = "The SOAP-RFC address to use instead of the one derived from the destination"
            + " (http://<ashost>:80<sysnr>/sap/bc/soap/rfc), e.g. when the ICM listens on another port. Also settable as"
            + " the destination property SoapRfcURL; this option wins.")
    private String soapUrl;

    @UriParam(label = "security", defaultValue = "Authorization", description = "The exchange header holding the"
            + " business user's JWT for destinations with jco.destination.auth_type=PrincipalPropagation: by default the"
            + " incoming 'Authorization: Bearer <JWT>' header (with or without the 'Bearer ' prefix). The engine sends it"
            + " to the Connectivity proxy and the Cloud Connector logs the user on to the ABAP system; a"
            + " PrincipalPropagation destination without a user fails, it never falls back to a technical user.")
    private String userTokenHeader = "Authorization";

    @UriParam(defaultValue = "true", description = "Read the function's interface once from the system's WSDL"
            + " (/sap/bc/soap/wsdl11?services=FUNCTION), cache it, and convert values with it: numbers to Integer,"
            + " BigDecimal or Double, dates to LocalDate (YYYY-MM-DD), times to LocalTime, and back; output tables are"
            + " requested automatically. When false, every value comes back as a String and output tables must be"
            + " listed in outputTables.")
    private boolean metadata = true;

    @UriParam(defaultValue = "false", description = "Fail with an RfcBapiException when the BAPI's RETURN parameter holds"
            + " a message of type E (error) or A (abort). BAPIs report errors there instead of raising exceptions.")
    private boolean checkReturn;

    @UriParam(defaultValue = "false", description = "Run the call and BAPI_TRANSACTION_COMMIT in one stateful session,"
            + " so the BAPI's changes are saved; on an exception or an E/A message in RETURN, BAPI_TRANSACTION_ROLLBACK"
            + " runs instead and the error is raised. The session ends with the exchange.")
    private boolean commit;

    @UriParam(defaultValue = "true", description = "With commit=true: pass WAIT='X' to BAPI_TRANSACTION_COMMIT, so it"
            + " returns only after the update tasks have written the changes.")
    private boolean commitWait = true;

    @UriParam(defaultValue = "map", enums = "map,json", description = "The body of the answer: a Map of exporting,"
            + " changing and table parameters (structures as maps, tables as lists of maps), or the same as JSON text.")
    private String outputFormat = "map";

    @UriParam(description = "Table parameters to request from the function, comma-separated (e.g. SALES_ORDERS,RETURN)."
            + " SOAP-RFC returns only tables the request carries; with metadata=true every table is requested anyway.")
    private String outputTables;

    @UriParam(description = "Parameters and structure fields, comma-separated, whose ABAP flag values ('X' or blank) are"
            + " returned as Boolean. Booleans sent to the function always become 'X' or blank.")
    private String booleanFields;

    @UriParam(defaultValue = "call", enums = "call,diagnose", description = "What the producer does: call (default)"
            + " calls the function module; diagnose calls nothing of the endpoint's function and instead walks the"
            + " destination's hops as a call would take them (binding, service-token, destination, authentication,"
            + " connectivity-token, proxy, cloud-connector, backend), the backend hop being a call of RFC_PING (SAP's"
            + " no-op function module) over SOAP-RFC with the destination's logon; a refused logon fails the"
            + " authentication hop. diagnose never throws for a failed hop: the body becomes a DiagnosisReport (a table"
            + " as String, toMap() for programs) and the header CamelBtpDiagnosisFailedHop names the first failed hop."
            + " Needs transport=soap.")
    private String operation = "call";

    @UriParam(label = "advanced", defaultValue = "soap", description = "The transport to reach the system with: soap"
            + " (SOAP-RFC over HTTP, built in) or one added with the RfcTransportProvider service interface, such as a"
            + " JCo transport where SAP's buildpack provides JCo.")
    private String transport = "soap";

    public BtpRfcEndpoint(String uri, BtpRfcComponent component) {
        super(uri, component);
    }

    @Override
    public BtpRfcComponent getComponent() {
        return (BtpRfcComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        // Camel hands out a component it is still starting in another thread when the first exchanges arrive
        // together; start() is locked and idempotent, so this waits for that start (or does it) before the
        // component's transports are looked up
        ServiceHelper.startService(getComponent());
        if ("diagnose".equals(operation)) {
            return new BtpRfcDiagnoseProducer(this);
        }
        return new BtpRfcProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("btp-rfc calls function modules; it has no consumer. Use it in to(...).");
    }

    Set<String> outputTableSet() {
        return split(outputTables);
    }

    Set<String> booleanFieldSet() {
        return split(booleanFields);
    }

    private static Set<String> split(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String getFunctionName() {
        return functionName;
    }

    public void setFunctionName(String functionName) {
        this.functionName = functionName;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getUserTokenHeader() {
        return userTokenHeader;
    }

    public void setUserTokenHeader(String userTokenHeader) {
        this.userTokenHeader = userTokenHeader;
    }

    /** The request's lookup options: the user's JWT from {@link #getUserTokenHeader()}, when the exchange carries one. */
    io.github.camelbtp.connectivity.DestinationOptions options(org.apache.camel.Message in) {
        String value = userTokenHeader == null ? null : in.getHeader(userTokenHeader, String.class);
        if (value == null || value.isBlank()) {
            return io.github.camelbtp.connectivity.DestinationOptions.NONE;
        }
        String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim()
                : value.regionMatches(true, 0, "Basic ", 0, 6) ? null : value.trim();
        return token == null ? io.github.camelbtp.connectivity.DestinationOptions.NONE
                : io.github.camelbtp.connectivity.DestinationOptions.builder().userToken(token).build();
    }

    public String getSoapUrl() {
        return soapUrl;
    }

    public void setSoapUrl(String soapUrl) {
        this.soapUrl = soapUrl;
    }

    public boolean isMetadata() {
        return metadata;
    }

    public void setMetadata(boolean metadata) {
        this.metadata = metadata;
    }

    public boolean isCheckReturn() {
        return checkReturn;
    }

    public void setCheckReturn(boolean checkReturn) {
        this.checkReturn = checkReturn;
    }

    public boolean isCommit() {
        return commit;
    }

    public void setCommit(boolean commit) {
        this.commit = commit;
    }

    public boolean isCommitWait() {
        return commitWait;
    }

    public void setCommitWait(boolean commitWait) {
        this.commitWait = commitWait;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public String getOutputTables() {
        return outputTables;
    }

    public void setOutputTables(String outputTables) {
        this.outputTables = outputTables;
    }

    public String getBooleanFields() {
        return booleanFields;
    }

    public void setBooleanFields(String booleanFields) {
        this.booleanFields = booleanFields;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        if (!"call".equals(operation) && !"diagnose".equals(operation)) {
            throw new IllegalArgumentException("btp-rfc: operation must be call or diagnose, was '" + operation + "'");
        }
        this.operation = operation;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }
}
