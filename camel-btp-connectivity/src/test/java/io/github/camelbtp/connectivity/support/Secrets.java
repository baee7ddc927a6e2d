package io.github.camelbtp.connectivity.support;

import org.assertj.core.api.Assertions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Asserts that a text (a message, a toString(), a log) carries none of the given secrets, plain or Basic-encoded. */
public final class Secrets {

    private Secrets() {
    }

    public static void assertFreeOf(String text, String... secrets) {
        Assertions.assertThat(text).as("text to check").isNotNull();
        for (String secret : secrets) {
            Assertions.assertThat(secret).as("a secret to look for must be long enough to be unique").hasSizeGreaterThan(5);
            Assertions.assertThat(text).as("must not reveal a secret").doesNotContain(secret);
        }
    }

    /** Also checks the Base64 form of {@code user:password}, which is what a Basic header carries. */
    public static void assertFreeOfBasic(String text, String user, String password) {
        assertFreeOf(text, password, Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The message of the throwable and of all its causes, and their toString(). */
    public static String describe(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            parts.add(String.valueOf(c));
            parts.add(String.valueOf(c.getMessage()));
        }
        return String.join("\n", parts);
    }
}
