package io.github.camelbtp.connectivity;

import java.util.Locale;

/** How the engine answered one destination lookup ({@link ConnectivityListener#destinationLookup}). */
public enum LookupResult {
    /** A fresh cached entry. */
    HIT,
    /** Not cached (or expired): the sources were asked, by this request or by a concurrent one it waited for. */
    MISS,
    /**
     * An expired entry served while the source failed (stale-if-error) or was slow to answer a background refresh
     * (stale-while-revalidate), within the cache's {@code maxStale}.
     */
    STALE,
    /** No source knows the name (asked now, or remembered from a recent lookup). */
    NOT_FOUND,
    /** The lookup failed: the Destination Service or its token service refused or could not be reached. */
    ERROR;

    /** The lower-case name used in metric tags and audit lines: {@code hit}, {@code not_found}, … */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
