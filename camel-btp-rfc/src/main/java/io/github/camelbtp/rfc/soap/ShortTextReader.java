package io.github.camelbtp.rfc.soap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares the {@code String} of short element texts that repeat within one answer — currency keys, flags, item
 * numbers, units, the empty string — so a large table keeps one copy of {@code "EUR"} instead of one per row.
 * Bounded: after {@value #MAX_ENTRIES} distinct texts, new ones are no longer remembered.
 */
final class ShortTextReader extends StreamReaderDelegate {

    static final int MAX_LENGTH = 12;
    static final int MAX_ENTRIES = 8_192;

    private final Map<String, String> seen = new HashMap<>();

    ShortTextReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public String getElementText() throws XMLStreamException {
        String text = super.getElementText();
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String shared = seen.get(text);
        if (shared != null) {
            return shared;
        }
        if (seen.size() < MAX_ENTRIES) {
            seen.put(text, text);
        }
        return text;
    }
}
