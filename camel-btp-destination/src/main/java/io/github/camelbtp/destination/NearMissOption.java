package io.github.camelbtp.destination;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the endpoint option a query parameter was probably meant to be: {@code ?throwExceptionOnFailur=false} is not an
 * option, so it goes to the target as a query parameter (camel-http's rule), but it is one edit away from
 * {@code throwExceptionOnFailure}. Letter case is ignored (options bind case-insensitively anyway); one edit is one
 * inserted, removed or replaced character, or two neighbours swapped.
 */
record NearMissOption(String parameter, String option) {

    /**
     * Options shorter than this are left out: a short name has many real words one edit away ({@code path}:
     * {@code pat}, {@code paths}), so a target's own parameters would draw false warnings.
     */
    private static final int SHORTEST_OPTION = 5;

    /** The option {@code parameter} is one edit away from, if any; exact (case-insensitive) matches are not near misses. */
    static Optional<NearMissOption> of(String parameter, Collection<String> options) {
        String candidate = parameter.toLowerCase(Locale.ROOT);
        return options.stream()
                .filter(option -> option.length() >= SHORTEST_OPTION)
                .filter(option -> oneEditApart(candidate, option.toLowerCase(Locale.ROOT)))
                .sorted()
                .findFirst()
                .map(option -> new NearMissOption(parameter, option));
    }

    /** Optimal string alignment distance of exactly 1, computed without a table: the lengths differ by at most one. */
    private static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int differA = endA - start;
        int differB = endB - start;
        if (differA <= 1 && differB <= 1) {
            return true; // one character inserted, removed or replaced
        }
        // two neighbours swapped: "ab" against "ba"
        return differA == 2 && differB == 2 && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start);
    }
}
