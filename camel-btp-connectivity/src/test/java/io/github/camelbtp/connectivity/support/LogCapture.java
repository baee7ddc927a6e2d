package io.github.camelbtp.connectivity.support;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects everything the engine logs (message, and the stack trace with the messages of every cause) while open.
 * Attached to the {@code io.github.camelbtp.connectivity} logger, which log4j2-test.properties sets to DEBUG.
 */
public final class LogCapture implements AutoCloseable {

    private static final String LOGGER = "io.github.camelbtp.connectivity";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context;

    private LogCapture() {
        this.context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        this.appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                        + event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration configuration = context.getConfiguration();
        LoggerConfig config = configuration.getLoggerConfig(LOGGER);
        if (!LOGGER.equals(config.getName())) {
            throw new IllegalStateException("log4j2-test.properties must configure logger " + LOGGER);
        }
        config.addAppender(appender, null, null);
        context.updateLoggers();
    }

    public static LogCapture engine() {
        return new LogCapture();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        context.getConfiguration().getLoggerConfig(LOGGER).removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
