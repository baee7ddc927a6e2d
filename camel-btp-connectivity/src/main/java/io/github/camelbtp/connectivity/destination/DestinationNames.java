package io.github.camelbtp.connectivity.destination;

import io.github.camelbtp.connectivity.DestinationConfigurationException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * SAP's rule for destination names: letters, digits, {@code _} and {@code -}, at most 200 characters — optionally
 * followed by the level of the Destination Service's consume API, {@code @subaccount}, {@code @instance},
 * {@code @provider_subaccount} or {@code @provider_instance} [referring-resources-using-the-consume-rest-api-78ba73a].
 * A name with a level is looked up exactly at that level (v2 API); one without, instance level first, then subaccount
 * (v1 find API). The same rules hold for the names of destination fragments.
 */
public final class DestinationNames {

    /** The levels the consume API documents, as written after {@code @}. */
    public static final List<String> LEVELS = List.of("subaccount", "instance", "provider_subaccount", "provider_instance");

    private static final String NAME = "[A-Za-z0-9_-]{1,200}";
    private static final String LEVEL = "(@(" + String.join("|", LEVELS) + "))?";
    private static final Pattern VALID = Pattern.compile(NAME + LEVEL);

    private DestinationNames() {
    }

    /** Rejects names that SAP would not accept; this also keeps a name from changing the Destination Service URL. */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new DestinationConfigurationException(String.valueOf(name), "Name",
                    "is not a valid destination name: use letters, digits, '_' and '-' only (at most 200 characters),"
                    + " as SAP does, optionally followed by a level of the consume API (@subaccount, @instance,"
                    + " @provider_subaccount or @provider_instance). Correct the name in the endpoint URI"
                    + " (btp-destination:NAME, btp-rfc's destination option) or in the header that names the destination.");
        }
        return name;
    }

    /** Whether {@code name} (a valid name) names its level, which makes it a reference for the v2 consume API. */
    public static boolean hasLevel(String name) {
        return name.indexOf('@') >= 0;
    }

    /**
     * Checks a comma-separated list of fragment names for destination {@code destination}
     * [extending-destinations-with-fragments-f56600a]: each a valid name; a fragment may name its level
     * ({@code f@instance}) only where the destination names one too, as only the consume API takes levels; and
     * {@code optional} only with a single fragment, as SAP documents.
     *
     * @return the fragment names, trimmed, in order
     */
    public static List<String> requireValidFragments(String destination, String fragments, boolean optional) {
        if (fragments == null) {
            return List.of();
        }
        List<String> names = List.of(fragments.split(",", -1)).stream().map(String::trim).toList();
        for (String fragment : names) {
            if (!VALID.matcher(fragment).matches()) {
                throw new DestinationConfigurationException(destination, "fragmentName", "lists '" + fragment
                        + "', which is not a valid fragment name: a comma-separated list of names of letters, digits,"
                        + " '_' and '-' (at most 200 characters each) is expected, as SAP names destination fragments.");
            }
            if (hasLevel(fragment) && !hasLevel(destination)) {
                throw new DestinationConfigurationException(destination, "fragmentName", "names the level of fragment '"
                        + fragment + "', but only the Destination Service's consume API takes levels, and it is used"
                        + " when the destination names its level too: write the destination as NAME@level"
                        + " (e.g. " + destination + "@subaccount), or drop the fragment's level.");
            }
        }
        if (optional && names.size() > 1) {
            throw new DestinationConfigurationException(destination, "fragmentOptional", "is true with " + names.size()
                    + " fragments (" + fragments + "); SAP allows X-Fragment-Optional with a single fragment only, and"
                    + " every fragment of a list must exist. Set fragmentOptional=false or name a single fragment.");
        }
        return names;
    }
}
