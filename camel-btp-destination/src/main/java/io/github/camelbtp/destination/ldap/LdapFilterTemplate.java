package io.github.camelbtp.destination.ldap;

import com.unboundid.ldap.sdk.Filter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search filter written in the route with {@code {name}} placeholders, filled from message data with every value
 * escaped as RFC 4515 requires ({@code *}, {@code (}, {@code )}, {@code \} and NUL become {@code \2a}, {@code \28},
 * {@code \29}, {@code \5c}, {@code \00}; via the LDAP SDK's {@link Filter#encodeValue(String)}). A value can thus
 * only ever be a value: {@code *)(uid=*} searches for that literal text instead of widening the filter.
 * <pre>{@code (&(objectClass=person)(uid={uid}))   with   {uid: "emp001"} }</pre>
 */
final class LdapFilterTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private LdapFilterTemplate() {
    }

    /**
     * @throws IllegalArgumentException naming the placeholder when a value is missing
     */
    static String fill(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filter = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (values == null || !values.containsKey(name) || values.get(name) == null) {
                throw new IllegalArgumentException("the filter '" + template + "' uses {" + name + "}, but the"
                        + " filter values have no '" + name + "'");
            }
            matcher.appendReplacement(filter, Matcher.quoteReplacement(Filter.encodeValue(String.valueOf(values.get(name)))));
        }
        matcher.appendTail(filter);
        return filter.toString();
    }
}
