package com.caseflow.intake.projects.application;

public class ProjectConflictException extends RuntimeException {

    public ProjectConflictException(String message) {
        super(message);
    }
}
