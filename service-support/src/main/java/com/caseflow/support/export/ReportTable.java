package com.caseflow.support.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A report laid out as a table, ready to export. Cells are positional (one per column) and may be null,
 * which exports as an empty cell. A cell that does not fit its column's kind is refused here, when the table is built,
 * rather than half-way through writing a file.
 *
 * @param title shown to users: the sheet's name (shortened and cleaned as Excel requires) and the document's title
 */
public record ReportTable(String title, List<Column> columns, List<List<Object>> rows) {

    public ReportTable {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a report table needs a title");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a report table needs at least one column");
        }
        Set<String> keys = new HashSet<>();
        for (Column column : columns) {
            if (!keys.add(column.key())) {
                throw new IllegalArgumentException("column key " + column.key() + " is used twice");
            }
        }
        List<List<Object>> copies = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                check(columns.get(c), row.get(c), r);
            }
            // List.copyOf would refuse the null cells.
            copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copies);
    }

    /** A row per item, in the items' order, laid out by {@code row} (one cell per column). */
    public static <T> ReportTable of(String title, List<Column> columns, Collection<? extends T> items,
                                     Function<? super T, List<Object>> row) {
        return new ReportTable(title, columns, items.stream().<List<Object>>map(row).toList());
    }

    /** One row whose cells may be null, which {@code List.of} does not allow. */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static void check(Column column, Object cell, int row) {
        if (cell == null) {
            return;
        }
        boolean fits = switch (column.kind()) {
            case TEXT -> true;
            case INTEGER, DECIMAL, PERCENT -> cell instanceof Number n && Double.isFinite(n.doubleValue());
            case DATE -> cell instanceof LocalDate;
        };
        if (!fits) {
            throw new IllegalArgumentException("row " + row + ", column " + column.key() + ": " + column.kind()
                    + " does not take " + cell.getClass().getSimpleName() + " " + cell);
        }
    }
}
