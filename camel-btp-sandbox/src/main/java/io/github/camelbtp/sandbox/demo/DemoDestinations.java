package io.github.camelbtp.sandbox.demo;

import io.github.camelbtp.sandbox.Sandbox;

/**
 * Names and fixed values of the demo landscape {@link Sandbox#start()} builds, for quickstarts and tests.
 *
 * <table>
 * <caption>Demo destinations (subaccount level)</caption>
 * <tr><th>name</th><th>what it reaches</th></tr>
 * <tr><td>{@value #ON_PREMISE_ERP}</td><td>the OData sales service through the Cloud Connector without location
 * ID ({@code http://erp.internal:44300}, Basic authentication)</td></tr>
 * <tr><td>{@value #ON_PREMISE_ERP_PLANT01}</td><td>the same through the connector with location ID
 * {@value #PLANT01_LOCATION_ID}</td></tr>
 * <tr><td>{@value #CLOUD_SALES_API}</td><td>the cloud API, OAuth2ClientCredentials against the sandbox token
 * service</td></tr>
 * <tr><td>{@value #PUBLIC_CATALOG}</td><td>the cloud API's public part ({@code /public}), no authentication</td></tr>
 * <tr><td>{@value #CORPORATE_MAIL}</td><td>MAIL: SMTP of the demo mail server as {@code mail.internal:25}, through
 * the SOCKS5 proxy and the Cloud Connector</td></tr>
 * <tr><td>{@value #CORPORATE_INBOX}</td><td>MAIL: IMAP ({@code mail.imap4.*}) of the demo mail server as
 * {@code mail.internal:143}, mailbox {@value #INBOX_USER}</td></tr>
 * <tr><td>{@value #CORPORATE_LDAP}</td><td>LDAP: the demo directory as {@code ldap://ldap.internal:389}, Basic
 * authentication as {@value #LDAP_BIND_DN}</td></tr>
 * <tr><td>{@value #LEGACY_TCP}</td><td>TCP: the echo service as {@code legacy.internal:9000}</td></tr>

 * <tr><td>{@value #ERP_RFC}</td><td>the ABAP system's function modules (SOAP-RFC) through the Cloud Connector,
 * {@code Type=RFC} with {@code jco.client.ashost=erp.internal}, {@code sysnr=00}, {@code client=100}</td></tr>
 * <tr><td>{@value #ERP_RFC_LOAD_BALANCED}</td><td>the same, load-balanced via message server {@code erp-ms.internal}</td></tr>
 * <tr><td>{@value #ERP_SOAP_HTTP}</td><td>the ABAP system's ICM as an HTTP destination ({@code http://erp.internal:8000})</td></tr>
 * </table>
 */
public final class DemoDestinations {

    /** On-premise OData sales service via the Cloud Connector without location ID, Basic authentication. */
    public static final String ON_PREMISE_ERP = "OnPremiseERP";
    /** Like {@link #ON_PREMISE_ERP}, via the Cloud Connector with location ID {@value #PLANT01_LOCATION_ID}. */
    public static final String ON_PREMISE_ERP_PLANT01 = "OnPremiseERPPlant01";
    /** Internet API protected by OAuth2ClientCredentials tokens of the sandbox token service. */
    public static final String CLOUD_SALES_API = "CloudSalesAPI";
    /** The public part of the Internet API, no authentication. */
    public static final String PUBLIC_CATALOG = "PublicCatalog";

    /** MAIL destination: SMTP through the Cloud Connector ({@code mail.internal:25}). */
    public static final String CORPORATE_MAIL = "CorporateMail";
    /** MAIL destination: IMAP through the Cloud Connector ({@code mail.internal:143}). */
    public static final String CORPORATE_INBOX = "CorporateInbox";
    /** LDAP destination: the demo directory through the Cloud Connector ({@code ldap://ldap.internal:389}). */
    public static final String CORPORATE_LDAP = "CorporateLDAP";
    /** TCP destination: the line-echo service through the Cloud Connector ({@code legacy.internal:9000}). */
    public static final String LEGACY_TCP = "LegacyTcp";

    /** The virtual host of the demo mail server (SMTP 25, IMAP 143, POP3 110). */
    public static final String MAIL_VIRTUAL_HOST = "mail.internal";
    /** The virtual host of the demo directory (port 389). */
    public static final String LDAP_VIRTUAL_HOST = "ldap.internal";
    /** The virtual host of the echo service (port {@value #LEGACY_TCP_VIRTUAL_PORT}). */
    public static final String LEGACY_TCP_VIRTUAL_HOST = "legacy.internal";
    /** The virtual port of the echo service. */
    public static final int LEGACY_TCP_VIRTUAL_PORT = 9000;
    /** The sender mailbox {@link #CORPORATE_MAIL} logs in as (also its {@code mail.smtp.from}). */
    public static final String MAIL_USER = "erp-notifications@corp.example";
    /** Password of {@link #MAIL_USER} — a published demo value, not a secret. */
    public static final String MAIL_PASSWORD = "Sandbox-Mail-2024";
    /** The mailbox {@link #CORPORATE_INBOX} reads. */
    public static final String INBOX_USER = "orders@corp.example";
    /** Password of {@link #INBOX_USER} — a published demo value, not a secret. */
    public static final String INBOX_PASSWORD = "Sandbox-Inbox-2024";
    /** The demo directory's base DN. */
    public static final String LDAP_BASE_DN = "dc=corp,dc=example";
    /** The service account {@link #CORPORATE_LDAP} binds as. */
    public static final String LDAP_BIND_DN = "cn=camel,ou=services,dc=corp,dc=example";
    /** Password of {@link #LDAP_BIND_DN} — a published demo value, not a secret. */
    public static final String LDAP_PASSWORD = "Sandbox-Ldap-2024";

    /** The sales service's user (what {@link #ON_PREMISE_ERP} sends). */
    public static final String SALES_USER = "SALES_USER";
    /** The sales service user's password — a published demo value, not a secret. */
    public static final String SALES_PASSWORD = "Sandbox-Sales-2024";

    /** The location ID of the second Cloud Connector. */
    public static final String PLANT01_LOCATION_ID = "Plant01";
    /** The virtual host both Cloud Connectors expose the sales backend as. */
    public static final String ERP_VIRTUAL_HOST = "erp.internal";
    /** The virtual port of {@link #ERP_VIRTUAL_HOST}. */
    public static final int ERP_VIRTUAL_PORT = 44300;
    /** The OData service root, allow-listed with all sub-paths. */
    public static final String SALES_SERVICE_PATH = "/sap/opu/odata/sap/API_SALES_ORDER_SRV";

    /** The sandbox subaccount (also the token zone {@code zid} and the bindings' {@code tenantid}). */
    public static final String SUBACCOUNT_ID = "5f0c3a2e-8d4b-4e71-9c6a-1b2d3e4f5a60";
    /** The Destination Service instance; {@code owner.InstanceId} of instance-level destinations. */
    public static final String DESTINATION_INSTANCE_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    /** Client id of the destination service binding. */
    public static final String DESTINATION_CLIENT_ID = "sb-clone-destination!b1";
    /** Client id of the connectivity service binding. */
    public static final String CONNECTIVITY_CLIENT_ID = "sb-clone-connectivity!b2";
    /** Client id {@link #CLOUD_SALES_API} uses at the token service (its secret is random per start). */
    public static final String CLOUD_API_CLIENT_ID = "sb-cloud-sales-api!t3";

    /** Client id of the application whose users {@link Sandbox#userToken(String)} issues tokens for. */
    public static final String APP_CLIENT_ID = "sb-sandbox-app!t5";

    /** RFC destination ({@code Type=RFC}, {@code jco.*}) to the sandbox ABAP system via the Cloud Connector. */
    public static final String ERP_RFC = "ERP_RFC";
    /** Like {@link #ERP_RFC}, load-balanced ({@code jco.client.mshost}, {@code r3name}, {@code group}). */
    public static final String ERP_RFC_LOAD_BALANCED = "ERP_RFC_LB";
    /** HTTP destination to the ABAP system's ICM, usable as the SOAP-RFC transport of btp-rfc. */
    public static final String ERP_SOAP_HTTP = "ERP_SOAP_HTTP";
    /** The ABAP system's ID ({@code jco.client.r3name}). */
    public static final String ABAP_SYSTEM_ID = "ERP";
    /** The ABAP system's client ({@code jco.client.client}). */
    public static final String ABAP_CLIENT = "100";
    /** The instance number ({@code jco.client.sysnr}); the ICM HTTP port is 80 followed by it. */
    public static final String ABAP_SYSNR = "00";
    /** The virtual ICM port of {@link #ERP_VIRTUAL_HOST} for SOAP-RFC ({@code 80<sysnr>}). */
    public static final int ABAP_VIRTUAL_PORT = 8000;
    /** The virtual message server host of the load-balanced destination. */
    public static final String ABAP_MESSAGE_SERVER_HOST = "erp-ms.internal";
    /** The message server's HTTP port ({@code 81<NN>} for {@code jco.client.msserv} {@code 36<NN>}). */
    public static final int ABAP_MESSAGE_SERVER_HTTP_PORT = 8100;
    /** The RFC user {@link #ERP_RFC} logs on with (all functions, S_RFC *). */
    public static final String RFC_USER = "RFC_USER";
    /** Its password — a published demo value, not a secret. */
    public static final String RFC_PASSWORD = "Sandbox-Rfc-2024";
    /** An alias of {@link #RFC_USER} ({@code jco.client.alias_user}). */
    public static final String RFC_ALIAS_USER = "CAMEL_INTEGRATION_SERVICE";
    /**
     * An ABAP business user mapped from the Cloud Connector's certificate {@code CN=ALICE}: the user a principal
     * propagation call for {@code Sandbox.userToken("alice")} runs as (RFC_PING, STFC_CONNECTION, BAPI_SALESORDER_GETLIST).
     */
    public static final String PROPAGATED_RFC_USER = "ALICE";
    /** A user with RFC authorization for RFC_PING, STFC_CONNECTION and RFC_READ_TABLE only. */
    public static final String RFC_READER = "RFC_READER";
    /**
     * The ABAP user a technical user propagation logs on as: the Cloud Connector maps the OAuth client's ID
     * ({@code CN=<client id>}) to it. Register an OAuth client of this ID with {@code sandbox.oauthClients()}.
     */
    public static final String TECHNICAL_RFC_USER = "CBTP_TECH";
    /** Its password — a published demo value, not a secret. */
    public static final String RFC_READER_PASSWORD = "Sandbox-Reader-2024";

    private DemoDestinations() {
    }
}
