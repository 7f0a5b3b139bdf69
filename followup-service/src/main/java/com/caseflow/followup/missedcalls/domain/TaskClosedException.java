package com.caseflow.followup.missedcalls.domain;

/** An attempt was recorded on a task already closed. */
public class TaskClosedException extends RuntimeException {

    public TaskClosedException(String taskId) {
        super("call-back task " + taskId + " is closed");
    }
}
