package com.caseflow.console.services;

/** The APIs the console works with. */
public record Services(ServiceApi intake, ServiceApi routing, ServiceApi followup, ServiceApi evaluation) {
}
