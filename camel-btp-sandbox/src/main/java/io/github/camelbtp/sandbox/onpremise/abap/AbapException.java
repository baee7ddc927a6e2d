package io.github.camelbtp.sandbox.onpremise.abap;

/**
 * An ABAP exception a function module raises ({@code RAISE name} / {@code MESSAGE … RAISING name}); SOAP-RFC
 * answers it as a SOAP fault whose detail names the exception.
 */
final class AbapException extends Exception {

    private final String name;

    AbapException(String name, String text) {
        super(text, null, false, false);
        this.name = name;
    }

    /** The exception's name in the function's interface (e.g. {@code TABLE_NOT_AVAILABLE}). */
    String name() {
        return name;
    }
}
