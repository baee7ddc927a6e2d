package io.github.camelbtp.sandbox.onpremise;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import io.github.camelbtp.sandbox.demo.DemoDestinations;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The demo on-premise directory: an UnboundID in-memory LDAP server under {@value DemoDestinations#LDAP_BASE_DN}
 * with {@value #PEOPLE} people in {@code ou=people} (enough for paged searches) and the service account
 * {@value DemoDestinations#LDAP_BIND_DN}. Every operation except bind needs an authenticated connection, as in most
 * corporate directories.
 */
public final class DemoDirectory implements AutoCloseable {

    /** How many demo people {@code ou=people} holds. */
    public static final int PEOPLE = 25;
    private static final String[] DEPARTMENTS = {"Sales", "Finance", "Logistics", "IT", "Purchasing"};

    private final InMemoryDirectoryServer server;

    public DemoDirectory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DemoDestinations.LDAP_BASE_DN);
            config.addAdditionalBindCredentials(DemoDestinations.LDAP_BIND_DN, DemoDestinations.LDAP_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                    null));
            config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.COMPARE, OperationType.DELETE,
                    OperationType.MODIFY, OperationType.MODIFY_DN, OperationType.SEARCH);
            config.setMaxSizeLimit(1_000);
            server = new InMemoryDirectoryServer(config);
            seed();
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("cannot create the demo directory", e);
        }
    }

    /** The demo entries; {@link #reset()} puts them back. */
    private void seed() throws LDAPException, com.unboundid.ldif.LDIFException {
        String base = DemoDestinations.LDAP_BASE_DN;
        server.add(new Entry(base, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "domain"),
                new com.unboundid.ldap.sdk.Attribute("dc", "corp")));
        server.add("dn: ou=people," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        for (int i = 1; i <= PEOPLE; i++) {
            String uid = String.format(Locale.ROOT, "emp%03d", i);
            String department = DEPARTMENTS[(i - 1) % DEPARTMENTS.length];
            server.add("dn: uid=" + uid + ",ou=people," + base, "objectClass: top", "objectClass: person",
                    "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid,
                    "cn: Employee " + i, "sn: Employee", "givenName: Number " + i, "departmentNumber: " + department,
                    "mail: " + uid + "@corp.example");
        }
        server.add("dn: cn=sales,ou=groups," + base, "objectClass: top", "objectClass: groupOfNames", "cn: sales",
                "member: uid=emp001,ou=people," + base);
    }

    public DemoDirectory start() {
        try {
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot start the demo directory", e);
        }
        return this;
    }

    /** The LDAP port (the real address behind {@code ldap.internal:389}). */
    public int port() {
        return server.getListenPort();
    }

    /** The in-memory server, for assertions ({@code getEntry}, {@code countEntries}, …). */
    public InMemoryDirectoryServer server() {
        return server;
    }

    /** Removes every entry and puts the demo entries back. */
    public void reset() {
        try {
            server.clear();
            seed();
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("cannot reset the demo directory", e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
