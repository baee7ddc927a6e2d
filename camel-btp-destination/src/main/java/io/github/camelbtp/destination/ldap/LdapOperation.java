package io.github.camelbtp.destination.ldap;

/** What an LDAP producer does with an exchange — the operations SAP Cloud Integration's LDAP adapter offers, and a bind check. */
public enum LdapOperation {
    /** Search under a base DN with a filter; the body becomes a {@code List<Map<String, Object>>} of entries. */
    search,
    /** Check a DN's password (the body): the body becomes {@code true} or {@code false}. The pool's own bind is untouched. */
    bind,
    /** Add the entry with the DN header and the body's {@code Map} of attributes. */
    add,
    /** Replace the body's attributes ({@code Map}; a {@code null} or empty value removes the attribute) of the DN. */
    modify,
    /** Delete the entry with the DN. */
    delete
}
