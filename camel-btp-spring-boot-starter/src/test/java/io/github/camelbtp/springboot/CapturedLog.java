package io.github.camelbtp.springboot;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps every line logged in this JVM (named in logback-test.xml), with the messages of logged exceptions and their
 * causes, so a test can check that no secret was logged, from the application's start on.
 */
public final class CapturedLog extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

    /** Everything logged so far. */
    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        LINES.add(line.toString());
    }
}
