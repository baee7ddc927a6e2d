package io.github.camelbtp.sandbox.observe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last {@value #CAPACITY} requests that arrived at a group of sandbox servers, oldest first. Lets tests prove
 * that a header or query parameter really reached the backend. Thread-safe.
 */
public final class RecordedRequests {

    /** How many requests are kept. */
    public static final int CAPACITY = 100;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>(CAPACITY);

    public RecordedRequests() {
    }

    public void record(String server, String method, String path, String rawQuery, Map<String, List<String>> headers) {
        RecordedRequest request = new RecordedRequest(server, method, path, rawQuery, headers, Instant.now());
        synchronized (requests) {
            if (requests.size() == CAPACITY) {
                requests.removeFirst();
            }
            requests.addLast(request);
        }
    }

    /** All kept requests, oldest first. */
    public List<RecordedRequest> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The kept requests that match {@code filter}, oldest first. */
    public List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return all().stream().filter(filter).toList();
    }

    /** The most recent request, if any. */
    public Optional<RecordedRequest> last() {
        synchronized (requests) {
            return Optional.ofNullable(requests.peekLast());
        }
    }

    /** How many requests are kept (at most {@value #CAPACITY}). */
    public int size() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /** Forgets every kept request. */
    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public String toString() {
        return "RecordedRequests[size=" + size() + "]";
    }
}
