package com.caseflow.support.export;

import com.caseflow.support.export.Column.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTableTests {

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "编号", Kind.TEXT),
            new Column("count", "数量", Kind.INTEGER),
            new Column("openedAt", "受理时间", Kind.TEXT));

    record Item(String id, Long count, Instant openedAt) {
    }

    @Test
    void whenATableIsLaidOutFromItemsThenEachItemIsARowInTheirOrderWithItsNullCells() {
        ReportTable table = ReportTable.of("案件", COLUMNS,
                List.of(new Item("C2", 3L, Instant.parse("2026-12-05T09:30:00Z")), new Item("C1", null, null)),
                i -> ReportTable.row(i.id(), i.count(), Cells.time(i.openedAt())));

        assertThat(table.title()).isEqualTo("案件");
        assertThat(table.rows()).containsExactly(
                ReportTable.row("C2", 3L, "2026-12-05 17:30"),
                ReportTable.row("C1", null, null));
    }

    @Test
    void whenAnItemsRowDoesNotFitTheColumnsThenTheTableIsRefused() {
        assertThatThrownBy(() -> ReportTable.of("案件", COLUMNS, List.of(new Item("C1", 1L, null)),
                i -> ReportTable.row(i.id(), "一", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column count");
        assertThatThrownBy(() -> ReportTable.of("案件", COLUMNS, List.of(new Item("C1", 1L, null)),
                i -> ReportTable.row(i.id(), i.count())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells for 3 columns");
    }

    @Test
    void whenCellsAreShownThenTimesAreInShanghaiToTheMinuteAndYesNoIsInChinese() {
        assertThat(Cells.time(Instant.parse("2026-12-31T16:05:59Z"))).isEqualTo("2027-01-01 00:05");
        assertThat(Cells.time(null)).isNull();
        assertThat(Cells.yesNo(true)).isEqualTo("是");
        assertThat(Cells.yesNo(false)).isEqualTo("否");
        assertThat(Cells.yesNo(null)).isNull();
    }
}
