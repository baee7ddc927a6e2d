package io.github.camelbtp.destination;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the named loggers (and the root logger) to DEBUG for one test and keeps every line they log, with the
 * causes of logged exceptions, so a test can check that no secret was logged. Register with {@code @RegisterExtension}.
 */
final class DebugLogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<String> loggers;
    private final List<String> off = new ArrayList<>();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;

    DebugLogCapture(String... loggers) {
        this.loggers = List.of(loggers);
    }

    /** Also turns these loggers off for the test (HttpClient's wire loggers, which print raw traffic by design). */
    DebugLogCapture off(String... names) {
        off.addAll(List.of(names));
        return this;
    }

    /** What was logged so far in this test. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** What was logged so far in this test at WARN or above. */
    List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        warnings.clear();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new AbstractAppender("debug-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(line.toString());
                }
            }
        };
        appender.start();
        for (String name : loggers) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
            logger.addAppender(appender, Level.DEBUG, null);
            config.addLogger(name, logger);
        }
        for (String name : off) {
            config.addLogger(name, new LoggerConfig(name, Level.OFF, false));
        }
        config.getRootLogger().addAppender(appender, Level.DEBUG, null);
        ctx.updateLoggers();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        loggers.forEach(config::removeLogger);
        off.forEach(config::removeLogger);
        config.getRootLogger().removeAppender("debug-capture");
        ctx.updateLoggers();
        appender.stop();
    }
}
