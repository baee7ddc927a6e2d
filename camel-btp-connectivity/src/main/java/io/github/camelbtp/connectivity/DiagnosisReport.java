package io.github.camelbtp.connectivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a diagnosis of one destination saw, hop by hop ({@link BtpConnectivity#diagnose}). {@link #toString()} is the
 * table people read; {@link #toMap()} the same for programs. Holds what the engine's error messages hold (names,
 * statuses, reply codes, location IDs, virtual hosts), never a password, secret, token or key.
 *
 * @param destination the destination's name
 * @param path        the path the backend hop was sent to, relative to the destination's URL ("" for none)
 * @param steps       one per hop, in {@link Hop} order; hops that do not apply are {@link Outcome#SKIPPED}
 */
public record DiagnosisReport(String destination, String path, List<Step> steps) {

    public DiagnosisReport {
        steps = List.copyOf(steps);
    }

    /** How a hop went. */
    public enum Outcome { OK, FAILED, SKIPPED }

    /**
     * One hop.
     *
     * @param hop     which hop
     * @param outcome OK, FAILED or SKIPPED
     * @param seen    what was seen (status, reply code, location ID, virtual host and port) or why it was skipped
     * @param cause   SAP's documented cause for a failure, or {@code null} (none documented fits: {@code seen} explains)
     * @param took    how long the hop's check took
     */
    public record Step(Hop hop, Outcome outcome, String seen, Cause cause, Duration took) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("hop", hop.toString());
            map.put("outcome", outcome.name());
            map.put("seen", seen);
            map.put("millis", took.toMillis());
            if (cause != null) {
                map.put("cause", cause.cause());
                map.put("fix", cause.fix());
                map.put("sapPage", cause.page());
            }
            return map;
        }
    }

    /** The first hop that failed; empty when none did. */
    public Optional<Step> firstFailure() {
        return steps.stream().filter(s -> s.outcome() == Outcome.FAILED).findFirst();
    }

    /** The name of the first failed hop, or empty when every hop passed or was skipped. */
    public Optional<Hop> failedHop() {
        return firstFailure().map(Step::hop);
    }

    public boolean passed() {
        return firstFailure().isEmpty();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("destination", destination);
        map.put("path", path);
        map.put("passed", passed());
        failedHop().ifPresent(h -> map.put("failedHop", h.toString()));
        List<Map<String, Object>> list = new ArrayList<>();
        steps.forEach(s -> list.add(s.toMap()));
        map.put("hops", list);
        return map;
    }

    /** The table: one line per hop (hop, outcome, milliseconds, what was seen), a failure followed by cause and fix. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Diagnosis of destination '").append(destination).append('\'')
                .append(path.isEmpty() ? "" : " (path " + path + ")").append(": ")
                .append(passed() ? "every hop passed" : "FAILED at hop " + failedHop().orElseThrow()).append('\n');
        out.append(String.format("%-19s %-8s %7s  %s%n", "HOP", "RESULT", "MS", "SEEN"));
        for (Step step : steps) {
            out.append(String.format("%-19s %-8s %7d  %s%n", step.hop(), step.outcome(), step.took().toMillis(), step.seen()));
            if (step.outcome() == Outcome.FAILED && step.cause() != null) {
                out.append(String.format("%-37s cause: %s [SAP: %s]%n", "", step.cause().cause(), step.cause().page()));
                out.append(String.format("%-37s fix:   %s%n", "", step.cause().fix()));
            }
        }
        return out.toString();
    }
}
