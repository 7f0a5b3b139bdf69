package com.caseflow.infra;

/**
 * A start-up problem the user can fix themselves (a port in use, a bad option). Its message is the whole story, so
 * {@link LocalStack#main} prints it as one line instead of a stack trace.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }
}
