package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of a service's answer, as every CaseFlow service pages. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public Page {
        content = content == null ? List.of() : content;
    }
}
