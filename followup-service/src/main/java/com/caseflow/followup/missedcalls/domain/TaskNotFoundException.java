package com.caseflow.followup.missedcalls.domain;

public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("no call-back task " + taskId);
    }
}
