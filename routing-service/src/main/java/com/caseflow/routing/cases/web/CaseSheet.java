package com.caseflow.routing.cases.web;

import com.caseflow.support.export.Column;
import com.caseflow.support.export.Column.Kind;
import com.caseflow.support.export.ReportTable;

import java.util.List;

import static com.caseflow.support.export.Cells.time;
import static com.caseflow.support.export.Cells.yesNo;

/**
 * A department's cases as the table managers download, headed in Chinese. Built from the views the reader gets as
 * JSON, so a caller's number is masked in the file exactly as on the screen; customers' names are left out.
 */
final class CaseSheet {

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "案件编号", Kind.TEXT),
            new Column("priority", "优先级", Kind.TEXT),
            new Column("projectCode", "项目", Kind.TEXT),
            new Column("unit", "房号", Kind.TEXT),
            new Column("category", "类别", Kind.TEXT),
            new Column("status", "状态", Kind.TEXT),
            new Column("ownerId", "处理人", Kind.TEXT),
            new Column("openedAt", "受理时间", Kind.TEXT),
            new Column("firstResponseDue", "首次响应期限", Kind.TEXT),
            new Column("resolutionDue", "解决期限", Kind.TEXT),
            new Column("overdue", "是否超时", Kind.TEXT),
            new Column("workingMinutesLeft", "剩余工作分钟(负数为已超时)", Kind.INTEGER),
            new Column("phone", "来电号码", Kind.TEXT));

    static ReportTable of(String departmentCode, boolean overdue, List<CaseView> cases) {
        return ReportTable.of(departmentCode + (overdue ? " 超时案件" : " 案件"), COLUMNS, cases, c -> ReportTable.row(
                c.id(), c.priority() == null ? null : c.priority().labelZh(), c.projectCode(), c.unit(),
                c.category() == null ? null : c.category().labelZh(), c.statusLabel(), c.ownerId(), time(c.openedAt()),
                c.deadlines() == null ? null : time(c.deadlines().firstResponseDue()),
                c.deadlines() == null ? null : time(c.deadlines().resolutionDue()), yesNo(c.overdue()),
                c.workingMinutesLeft(), c.customer() == null ? null : c.customer().phone()));
    }

    private CaseSheet() {
    }
}
