package com.caseflow.support.export;

import java.util.Objects;

/**
 * One column of an exported report.
 *
 * @param key    stable machine name, the same as the field of the report's JSON form (e.g. {@code csat})
 * @param header the title users see (e.g. "满意率")
 * @param kind   what the cells hold, and so how they are typed and shown
 */
public record Column(String key, String header, Kind kind) {

    public enum Kind {
        /** Any value, shown by its {@code toString()}. */
        TEXT,
        /** A {@link Number}, shown without decimals. */
        INTEGER,
        /** A {@link Number}, shown with one or two decimals. */
        DECIMAL,
        /** A {@link Number} between 0 and 1, shown as a percentage with one decimal: 0.85 → 85.0%. */
        PERCENT,
        /** A {@link java.time.LocalDate}, shown as yyyy-mm-dd. */
        DATE
    }

    public Column {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a column needs a key");
        }
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("column " + key + " needs a header");
        }
        Objects.requireNonNull(kind, "kind");
    }
}
