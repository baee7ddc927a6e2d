package io.github.camelbtp.destination;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a btp-destination producer for LDAP destinations; each has a header that overrides it per
 * message.
 * The options keep their flat names in the endpoint URI; the group only keeps the endpoint class small.
 */
@UriParams
public class LdapOptions {

    @UriParam(label = "producer,ldap", defaultValue = "search", description = "LDAP destinations: what to do. search"
            + " (the body becomes a List of Maps, each with 'dn' and the attributes), bind (checks the password in the"
            + " body for the DN; the body becomes true or false), add (the body's Map of attributes as a new entry),"
            + " modify (replaces the body's attributes; a null or empty value removes one), delete. The header"
            + " CamelBtpLdapOperation overrides it.")
    private io.github.camelbtp.destination.ldap.LdapOperation ldapOperation = io.github.camelbtp.destination.ldap.LdapOperation.search;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: the DN of the entry to add, modify, delete"
            + " or bind-check. The header CamelBtpLdapDn overrides it.")
    private String ldapDn;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: the base DN of a search, for example"
            + " ou=people,dc=example,dc=com. The header CamelBtpLdapBaseDn overrides it.")
    private String ldapBaseDn;

    @UriParam(label = "producer,ldap", defaultValue = "sub", enums = "base,one,sub", description = "LDAP destinations:"
            + " the search scope: base (the base entry only), one (its children) or sub (the whole subtree).")
    private String ldapScope = "sub";

    @UriParam(label = "producer,ldap", defaultValue = "(objectClass=*)", description = "LDAP destinations: the search"
            + " filter (RFC 4515), a template whose {name} placeholders are filled from the header"
            + " CamelBtpLdapFilterValues with every value escaped (*, (, ), \\ and NUL become \\2a, \\28, \\29,"
            + " \\5c, \\00), for example (&(objectClass=person)(uid={uid})).")
    private String ldapFilter;

    @UriParam(label = "producer,ldap", description = "LDAP destinations: comma-separated attributes a search returns;"
            + " all user attributes when empty.")
    private String ldapAttributes;

    @UriParam(label = "producer,ldap", defaultValue = "0", description = "LDAP destinations: at most this many entries"
            + " per search; 0 for the directory's limit. Entries within the limit are returned, not an error.")
    private int ldapSizeLimit;

    @UriParam(label = "producer,ldap", defaultValue = "0", description = "LDAP destinations: fetch search results in"
            + " pages of this size (RFC 2696 simple paged results), for results larger than the directory's size limit;"
            + " 0 turns paging off.")
    private int ldapPageSize;

    public io.github.camelbtp.destination.ldap.LdapOperation getLdapOperation() {
        return ldapOperation;
    }

    public void setLdapOperation(io.github.camelbtp.destination.ldap.LdapOperation ldapOperation) {
        this.ldapOperation = ldapOperation;
    }

    public String getLdapDn() {
        return ldapDn;
    }

    public void setLdapDn(String ldapDn) {
        this.ldapDn = ldapDn;
    }

    public String getLdapBaseDn() {
        return ldapBaseDn;
    }

    public void setLdapBaseDn(String ldapBaseDn) {
        this.ldapBaseDn = ldapBaseDn;
    }

    public String getLdapScope() {
        return ldapScope;
    }

    public void setLdapScope(String ldapScope) {
        this.ldapScope = ldapScope;
    }

    public String getLdapFilter() {
        return ldapFilter;
    }

    public void setLdapFilter(String ldapFilter) {
        this.ldapFilter = ldapFilter;
    }

    public String getLdapAttributes() {
        return ldapAttributes;
    }

    public void setLdapAttributes(String ldapAttributes) {
        this.ldapAttributes = ldapAttributes;
    }

    public int getLdapSizeLimit() {
        return ldapSizeLimit;
    }

    public void setLdapSizeLimit(int ldapSizeLimit) {
        this.ldapSizeLimit = ldapSizeLimit;
    }

    public int getLdapPageSize() {
        return ldapPageSize;
    }

    public void setLdapPageSize(int ldapPageSize) {
        this.ldapPageSize = ldapPageSize;
    }
}
