package com.caseflow.support.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines one class logs during a test ({@code @RegisterExtension}), and what a store outage must look like in them
 * (service-support's {@code OutageLog}): a warning without stack trace, then one line when the store is back.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
    }

    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        appender.stop();
    }

    public List<ILoggingEvent> lines() {
        return appender.list;
    }

    /** The line at {@code index} is a warning of the outage, without stack trace, starting so. */
    public void assertOutage(int index, String startsWith) {
        ILoggingEvent line = lines().get(index);
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        assertThat(line.getFormattedMessage()).startsWith(startsWith);
    }

    /** The line at {@code index} says the store is back. */
    public void assertBack(int index, String message) {
        ILoggingEvent line = lines().get(index);
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).isEqualTo(message);
    }

    /** What is not an outage: the one line logged, at this level, with the failure's stack trace. */
    public void assertOnlyLineWithStackTrace(Level level, Class<? extends Throwable> failure) {
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(level);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(failure.getName());
        });
    }
}
