package io.github.camelbtp.rfc;

/**
 * A value of the message body does not fit the parameter's ABAP type (a date that is no date, text for an integer …),
 * or the body is not a map or JSON object of parameters.
 */
public class RfcConversionException extends RfcException {

    public RfcConversionException(String destinationName, String function, String message) {
        super(destinationName, function, message);
    }
}
