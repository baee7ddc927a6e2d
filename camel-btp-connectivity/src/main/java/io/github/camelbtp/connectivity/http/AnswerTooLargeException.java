package io.github.camelbtp.connectivity.http;

import java.io.IOException;

/**
 * A BTP service answered with a body larger than {@link ServiceClient#MAX_ANSWER_BYTES}: no more than the limit was
 * read. Callers turn it into the typed error of their service.
 */
public final class AnswerTooLargeException extends IOException {

    private final int status;
    private final long limit;

    public AnswerTooLargeException(int status, long limit) {
        super("the HTTP " + status + " answer is larger than the " + limit + "-byte limit for BTP service answers");
        this.status = status;
        this.limit = limit;
    }

    /** The HTTP status of the refused answer. */
    public int status() {
        return status;
    }

    public long limit() {
        return limit;
    }
}
