package io.github.camelbtp.sandbox.destination;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destinations the sandbox Destination Service serves, at subaccount and at service-instance level — the
 * in-process twin of its admin REST API ({@code …/v1/subaccountDestinations}, {@code …/v1/instanceDestinations}).
 * A destination is a flat map of string properties whose {@code Name} property is its key (case-sensitive).
 * Changes are visible to the next find call. Thread-safe.
 */
public final class Destinations {

    private final Map<String, Map<String, String>> subaccount = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> instance = new ConcurrentHashMap<>();

    private final Map<String, Map<String, String>> subaccountFragments = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> instanceFragments = new ConcurrentHashMap<>();

    public Destinations() {
    }

    /**
     * Creates or replaces a subaccount-level destination fragment (named by its {@code FragmentName} property):
     * properties a find request merges into the destination with {@code X-Fragment-Name}, the fragment's values
     * winning [extending-destinations-with-fragments-f56600a]. The v1 find API takes fragments from the level where it
     * found the destination; the v2 consume API from the level a fragment names ({@code f@subaccount}).
     */
    public Destinations putFragment(Map<String, String> properties) {
        subaccountFragments.put(fragmentNameOf(properties), copy(properties));
        return this;
    }

    /** Creates or replaces an instance-level destination fragment (see {@link #putFragment(Map)}). */
    public Destinations putInstanceFragment(Map<String, String> properties) {
        instanceFragments.put(fragmentNameOf(properties), copy(properties));
        return this;
    }

    /** Deletes the subaccount-level fragment {@code name}. */
    public boolean deleteFragment(String name) {
        return subaccountFragments.remove(name) != null;
    }

    /** Deletes the instance-level fragment {@code name}. */
    public boolean deleteInstanceFragment(String name) {
        return instanceFragments.remove(name) != null;
    }

    Optional<Map<String, String>> fragment(boolean atInstance, String name) {
        return Optional.ofNullable(name == null ? null : (atInstance ? instanceFragments : subaccountFragments).get(name));
    }

    private static String fragmentNameOf(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        String name = properties.get("FragmentName");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a destination fragment needs a non-blank 'FragmentName' property");
        }
        return name;
    }

    /** Creates or replaces a subaccount-level destination. */
    public Destinations putSubaccount(Map<String, String> properties) {
        subaccount.put(nameOf(properties), copy(properties));
        return this;
    }

    /** Creates or replaces a service-instance-level destination (found before a subaccount one of the same name). */
    public Destinations putInstance(Map<String, String> properties) {
        instance.put(nameOf(properties), copy(properties));
        return this;
    }

    /** The destination the find API would return: instance level first, then subaccount level. */
    public Optional<Map<String, String>> get(String name) {
        Map<String, String> found = instance.get(name);
        return Optional.ofNullable(found != null ? found : subaccount.get(name));
    }

    /** The subaccount-level destination {@code name}. */
    public Optional<Map<String, String>> getSubaccount(String name) {
        return Optional.ofNullable(subaccount.get(name));
    }

    /** The instance-level destination {@code name}. */
    public Optional<Map<String, String>> getInstance(String name) {
        return Optional.ofNullable(instance.get(name));
    }

    /** Deletes {@code name} at both levels; true when something was deleted. */
    public boolean delete(String name) {
        boolean atInstance = instance.remove(name) != null;
        boolean atSubaccount = subaccount.remove(name) != null;
        return atInstance || atSubaccount;
    }

    /** Deletes the subaccount-level destination {@code name}. */
    public boolean deleteSubaccount(String name) {
        return subaccount.remove(name) != null;
    }

    /** Deletes the instance-level destination {@code name}. */
    public boolean deleteInstance(String name) {
        return instance.remove(name) != null;
    }

    /** All subaccount-level destinations. */
    public List<Map<String, String>> subaccountDestinations() {
        return List.copyOf(subaccount.values());
    }

    /** All instance-level destinations. */
    public List<Map<String, String>> instanceDestinations() {
        return List.copyOf(instance.values());
    }

    boolean createIfAbsent(boolean atInstance, Map<String, String> properties) {
        return (atInstance ? instance : subaccount).putIfAbsent(nameOf(properties), copy(properties)) == null;
    }

    boolean replaceIfPresent(boolean atInstance, Map<String, String> properties) {
        return (atInstance ? instance : subaccount).replace(nameOf(properties), copy(properties)) != null;
    }

    Map<String, Map<String, String>> level(boolean atInstance) {
        return atInstance ? instance : subaccount;
    }

    private static String nameOf(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        String name = properties.get("Name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a destination needs a non-blank 'Name' property");
        }
        return name;
    }

    private static Map<String, String> copy(Map<String, String> properties) {
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value,
                () -> "property '" + key + "' is null")));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "Destinations[subaccount=" + subaccount.keySet() + ", instance=" + instance.keySet() + "]";
    }
}
