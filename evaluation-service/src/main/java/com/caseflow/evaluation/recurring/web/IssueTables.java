package com.caseflow.evaluation.recurring.web;

import com.caseflow.evaluation.recurring.domain.RecurringIssues;
import com.caseflow.support.export.Column;
import com.caseflow.support.export.Column.Kind;
import com.caseflow.support.export.ReportTable;

import java.util.List;

import static com.caseflow.support.export.Cells.time;
import static com.caseflow.support.export.Cells.yesNo;

/** Recurring issues and proposals as the tables managers download, headed in Chinese. */
final class IssueTables {

    private static final List<Column> ISSUES = List.of(
            new Column("projectCode", "项目", Kind.TEXT),
            new Column("category", "类别", Kind.TEXT),
            new Column("contacts", "本期来电数", Kind.INTEGER),
            new Column("previousContacts", "上期来电数", Kind.INTEGER),
            new Column("change", "较上期变化", Kind.INTEGER),
            new Column("changeRate", "较上期变化率", Kind.PERCENT),
            new Column("repeatContacts", "重复来电数", Kind.INTEGER),
            new Column("repeatShare", "重复来电占比", Kind.PERCENT),
            new Column("incidentContacts", "群体事件来电数", Kind.INTEGER));

    private static final List<Column> PROPOSALS = List.of(
            new Column("projectCode", "项目", Kind.TEXT),
            new Column("category", "类别", Kind.TEXT),
            new Column("title", "改进建议", Kind.TEXT),
            new Column("description", "说明", Kind.TEXT),
            new Column("owner", "负责人", Kind.TEXT),
            new Column("dueDate", "截止日期", Kind.DATE),
            new Column("overdue", "是否逾期", Kind.TEXT),
            new Column("status", "状态", Kind.TEXT),
            new Column("beforeAverage", "建议前周均来电", Kind.DECIMAL),
            new Column("afterAverage", "建议后周均来电", Kind.DECIMAL),
            new Column("fell", "来电是否下降", Kind.TEXT),
            new Column("recordedBy", "记录人", Kind.TEXT),
            new Column("recordedAt", "记录时间", Kind.TEXT),
            new Column("updatedBy", "修改人", Kind.TEXT),
            new Column("updatedAt", "修改时间", Kind.TEXT));

    /** The period's top project × category issues (the dashboard's heat map) against the period before. */
    static ReportTable recurring(RecurringIssues.Report report) {
        return ReportTable.of("重复问题 " + report.from() + " 至 " + report.to(), ISSUES, report.topIssues(),
                i -> ReportTable.row(i.projectCode(), i.categoryLabel(), i.contacts(), i.previousContacts(),
                        i.change(), i.changeRate(), i.repeatContacts(), i.repeatShare(), i.incidentContacts()));
    }

    static ReportTable proposals(String statusLabel, List<ProposalController.ProposalView> proposals) {
        return ReportTable.of("改进建议" + (statusLabel == null ? "" : " " + statusLabel), PROPOSALS, proposals,
                p -> ReportTable.row(p.projectCode(), p.categoryLabel(), p.title(), p.description(), p.owner(),
                        p.dueDate(), yesNo(p.overdue()), p.statusLabel(), p.volume().beforeAverage(),
                        p.volume().afterAverage(), yesNo(p.volume().fell()), p.recordedBy(), time(p.recordedAt()),
                        p.updatedBy(), time(p.updatedAt())));
    }

    private IssueTables() {
    }
}
