package com.caseflow.support.export;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How a client asked for a report: the JSON body of the API, or a file to download. */
public enum ExportFormat {

    JSON("application/json", "json"),
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * The format named by a {@code format} request parameter, in any case; JSON when there is none.
     *
     * @throws InvalidRequestException naming the field {@code format} when the value is not a known format
     */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(value.strip())) {
                return format;
            }
        }
        String known = Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
        throw new InvalidRequestException(List.of(new FieldProblem("format", "one of " + known)));
    }

    public String mediaType() {
        return mediaType;
    }

    /** Without the dot. */
    public String extension() {
        return extension;
    }
}
