package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.aggregates.application.DailyReports;
import com.caseflow.evaluation.aggregates.application.KpiReports;
import com.caseflow.evaluation.aggregates.domain.DailySeries;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.evaluations.application.Scoreboard;
import com.caseflow.evaluation.evaluations.domain.EvaluationPolicy;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.evaluation.evaluations.domain.Scored;
import com.caseflow.evaluation.recurring.domain.Categories;
import com.caseflow.support.export.Column;
import com.caseflow.support.export.Column.Kind;
import com.caseflow.support.export.ReportTable;
import com.caseflow.events.contact.TimingSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rankings as the tables managers download, headed in Chinese. */
final class ReportTables {

    private static final List<Column> STANDING = List.of(
            new Column("rank", "排名", Kind.INTEGER),
            new Column("subject", "对象", Kind.TEXT),
            new Column("score", "综合得分", Kind.DECIMAL),
            new Column("previousScore", "上期得分", Kind.DECIMAL),
            new Column("change", "较上期变化", Kind.DECIMAL),
            new Column("previousRank", "上期排名", Kind.INTEGER),
            new Column("outcome", "建议结果", Kind.TEXT),
            new Column("weakKpis", "待提升指标", Kind.TEXT));

    private static final List<Column> AGENT = List.of(
            new Column("phoneCalls", "来电数", Kind.INTEGER),
            new Column("visits", "来访数", Kind.INTEGER),
            new Column("answerWithinThreeRingsRate", "三声内接听率", Kind.PERCENT),
            new Column("threeRingsSource", "三声内接听率来源", Kind.TEXT),
            new Column("averageGreetSeconds", "平均迎接用时(秒)", Kind.DECIMAL),
            new Column("completeRecordRate", "记录完整率", Kind.PERCENT),
            new Column("firstContactResolutionRate", "首次解决率", Kind.PERCENT),
            new Column("averageSatisfaction", "平均满意度(1-5)", Kind.DECIMAL),
            new Column("csat", "满意率(4-5分)", Kind.PERCENT),
            new Column("reopenRate", "重开率", Kind.PERCENT),
            new Column("spotChecks", "抽查次数", Kind.INTEGER),
            new Column("regularSpotChecks", "定期抽查次数", Kind.INTEGER),
            new Column("spotCheckAverage", "定期抽查平均分", Kind.DECIMAL),
            new Column("adHocSpotChecks", "临时抽查次数", Kind.INTEGER),
            new Column("adHocSpotCheckAverage", "临时抽查平均分(不计入考核)", Kind.DECIMAL),
            new Column("criticalFailures", "严重违规次数", Kind.INTEGER),
            new Column("adHocCriticalFailures", "其中临时抽查发现", Kind.INTEGER),
            new Column("measuredTimingShare", "实测时间占比", Kind.PERCENT),
            new Column("selfReportedTimingShare", "自报时间占比", Kind.PERCENT),
            new Column("callsRung", "振铃来电数", Kind.INTEGER),
            new Column("callsAnswered", "接听来电数", Kind.INTEGER),
            new Column("callsAbandoned", "振铃中放弃数", Kind.INTEGER),
            new Column("serviceLevel", "服务水平(15秒内接听)", Kind.PERCENT),
            new Column("averageSpeedOfAnswerSeconds", "平均应答时长(秒)", Kind.DECIMAL),
            new Column("abandonmentRate", "放弃率", Kind.PERCENT));

    private static final List<Column> HOTLINE = List.of(
            new Column("hotline", "热线号码", Kind.TEXT),
            new Column("hour", "时段", Kind.TEXT),
            new Column("offered", "呼入数", Kind.INTEGER),
            new Column("answered", "接听数", Kind.INTEGER),
            new Column("abandoned", "放弃数", Kind.INTEGER),
            new Column("answeredInTime", "15秒内接听数", Kind.INTEGER),
            new Column("serviceLevel", "服务水平(15秒内接听)", Kind.PERCENT),
            new Column("averageSpeedOfAnswerSeconds", "平均应答时长(秒)", Kind.DECIMAL),
            new Column("abandonmentRate", "放弃率", Kind.PERCENT));

    private static final List<Column> DEPARTMENT = List.of(
            new Column("casesRouted", "受理案件数", Kind.INTEGER),
            new Column("resolved", "已解决数", Kind.INTEGER),
            new Column("firstResponseCompliance", "首次响应及时率", Kind.PERCENT),
            new Column("resolutionCompliance", "按时解决率", Kind.PERCENT),
            new Column("averageResolutionHours", "平均解决用时(工作小时)", Kind.DECIMAL),
            new Column("p90ResolutionHours", "90%案件解决用时(工作小时)", Kind.INTEGER),
            new Column("escalations", "升级次数", Kind.INTEGER),
            new Column("transfersIn", "转入数", Kind.INTEGER),
            new Column("transfersOut", "转出数", Kind.INTEGER),
            new Column("reopenRate", "重开率", Kind.PERCENT),
            new Column("averageSatisfaction", "平均满意度(1-5)", Kind.DECIMAL),
            new Column("csat", "满意率(4-5分)", Kind.PERCENT));

    static ReportTable agents(Scoreboard.Board<Scoreboard.AgentRow> board, EvaluationPolicy policy) {
        return ReportTable.of("坐席考核 " + span(board.period()), columns("坐席工号", AGENT), board.rows(), r -> {
            Kpis.AgentKpis k = r.kpis();
            Kpis.CallMeasures calls = k.calls();
            return standing(r.agentId(), r.standing(), policy.agentKpis(), ReportTable.row(k.phoneCalls(),
                    k.visits(), k.answerWithinThreeRingsRate(), source(k.threeRingsSource()), k.averageGreetSeconds(),
                    k.completeRecordRate(), k.firstContactResolutionRate(), k.averageSatisfaction(), k.csat(),
                    k.reopenRate(), k.spotChecks(), k.regularSpotChecks(), k.spotCheckAverage(), k.adHocSpotChecks(),
                    k.adHocSpotCheckAverage(), k.criticalFailures(), k.adHocCriticalFailures(),
                    k.measuredTimingShare(), k.selfReportedTimingShare(), calls.offered(), calls.answered(),
                    calls.abandoned(), calls.serviceLevel(), calls.averageSpeedOfAnswerSeconds(),
                    calls.abandonmentRate()));
        });
    }

    static ReportTable departments(Scoreboard.Board<Scoreboard.DepartmentRow> board, EvaluationPolicy policy) {
        return ReportTable.of("部门考核 " + span(board.period()), columns("部门", DEPARTMENT), board.rows(), r -> {
            Kpis.DepartmentKpis k = r.kpis();
            return standing(r.departmentCode(), r.standing(), policy.departmentKpis(), ReportTable.row(
                    k.casesRouted(), k.resolved(), k.firstResponseCompliance(), k.resolutionCompliance(),
                    k.averageResolutionHours(), k.p90ResolutionHours(),
                    k.escalationsByLevel().values().stream().mapToLong(Long::longValue).sum(), k.transfersIn(),
                    k.transfersOut(), k.reopenRate(), k.averageSatisfaction(), k.csat()));
        });
    }

    /** Each hotline's hours with calls, then its whole period ("合计"). */
    static ReportTable hotlines(Period period, List<KpiReports.HotlineReport> hotlines) {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiReports.HotlineReport h : hotlines) {
            for (KpiReports.HourMeasures hour : h.hours()) {
                rows.add(callRow(h.hotline(), "%02d:00-%02d:00".formatted(hour.hour(), hour.hour() + 1),
                        hour.measures()));
            }
            rows.add(callRow(h.hotline(), "合计", h.total()));
        }
        return new ReportTable("热线服务水平 " + span(period), HOTLINE, rows);
    }

    /**
     * One row per day, then the period ("合计"): contacts by channel and category, first-contact resolution, the
     * three-ring rate, the hotlines' service level and the departments' cases. The category columns are those of
     * the JSON's {@code byCategory} (every category this build knows, then any other counted).
     */
    static ReportTable daily(DailyReports.DailyReport report) {
        List<String> categories = new ArrayList<>();
        DailySeries.Contacts totalContacts = report.total().contacts();
        if (totalContacts.byCategory() != null) {
            categories.addAll(totalContacts.byCategory().keySet());
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Column("day", "日期", Kind.TEXT),
                new Column("contacts", "接触总数", Kind.INTEGER),
                new Column("phoneCalls", "来电", Kind.INTEGER),
                new Column("visits", "来访", Kind.INTEGER)));
        categories.forEach(c -> columns.add(new Column("category." + c, Categories.labelZh(c), Kind.INTEGER)));
        if (totalContacts.byCategory() != null) {
            columns.add(new Column("repeatContacts", "重复来电", Kind.INTEGER));
            columns.add(new Column("incidentContacts", "群体事件来电", Kind.INTEGER));
        }
        columns.addAll(List.of(
                new Column("settledAtFirstContact", "当场解决数", Kind.INTEGER),
                new Column("firstContactResolutionRate", "首次解决率", Kind.PERCENT),
                new Column("threeRingsRate", "三声内接听率", Kind.PERCENT),
                new Column("threeRingsSource", "三声内接听率来源", Kind.TEXT),
                new Column("measuredCalls", "实测来电数", Kind.INTEGER),
                new Column("selfReportedCalls", "自报来电数", Kind.INTEGER),
                new Column("offered", "热线呼入数", Kind.INTEGER),
                new Column("answered", "热线接听数", Kind.INTEGER),
                new Column("answeredInTime", "15秒内接听数", Kind.INTEGER),
                new Column("serviceLevel", "服务水平(15秒内接听)", Kind.PERCENT),
                new Column("averageSpeedOfAnswerSeconds", "平均应答时长(秒)", Kind.DECIMAL),
                new Column("abandonmentRate", "放弃率", Kind.PERCENT),
                new Column("casesRouted", "受理案件数", Kind.INTEGER),
                new Column("resolved", "已解决数", Kind.INTEGER),
                new Column("firstResponseCompliance", "首次响应及时率", Kind.PERCENT),
                new Column("resolutionCompliance", "按时解决率", Kind.PERCENT),
                new Column("csat", "满意率(4-5分)", Kind.PERCENT)));
        List<List<Object>> rows = new ArrayList<>();
        for (DailySeries.Figures day : report.days()) {
            rows.add(dailyRow(day.day().toString(), day, categories));
        }
        rows.add(dailyRow("合计", report.total(), categories));
        String scope = (report.projectCode() == null ? "" : " " + report.projectCode())
                + (report.team() ? " 本组" : "");
        return new ReportTable("每日运营" + scope + " " + report.from() + " 至 " + report.to(), columns, rows);
    }

    private static List<Object> dailyRow(String day, DailySeries.Figures f, List<String> categories) {
        DailySeries.Contacts c = f.contacts();
        List<Object> row = new ArrayList<>(ReportTable.row(day, c.total(), c.byChannel().get("PHONE"),
                c.byChannel().get("VISIT")));
        if (c.byCategory() != null) {
            categories.forEach(k -> row.add(c.byCategory().getOrDefault(k, 0L)));
            row.add(c.repeatContacts());
            row.add(c.incidentContacts());
        }
        DailySeries.ThreeRings t = f.threeRings();
        Kpis.CallMeasures h = f.hotlines();
        DailySeries.Cases cases = f.cases();
        row.addAll(ReportTable.row(f.firstContactResolution().settled(), f.firstContactResolution().rate(),
                t.rate(), threeRingsSource(t.source()), t.measuredCalls(), t.selfReportedCalls(), h.offered(),
                h.answered(), h.answeredInTime(), h.serviceLevel(), h.averageSpeedOfAnswerSeconds(),
                h.abandonmentRate(), cases.routed(), cases.resolved(), cases.firstResponseCompliance(),
                cases.resolutionCompliance(), cases.csat()));
        return row;
    }

    private static String threeRingsSource(DailySeries.ThreeRingsSource source) {
        return source == null ? null : switch (source) {
            case MEASURED -> "实测";
            case SELF_REPORTED -> "自报";
            case MIXED -> "实测与自报";
        };
    }

    private static List<Object> callRow(String hotline, String hour, Kpis.CallMeasures m) {
        return ReportTable.row(hotline, hour, m.offered(), m.answered(), m.abandoned(), m.answeredInTime(),
                m.serviceLevel(), m.averageSpeedOfAnswerSeconds(), m.abandonmentRate());
    }

    private static String source(TimingSource source) {
        return source == null ? null : source == TimingSource.MEASURED ? "实测" : "自报";
    }

    static String span(Period period) {
        return period.from() + " 至 " + period.to();
    }

    private static List<Column> columns(String subjectHeader, List<Column> kpis) {
        List<Column> columns = new ArrayList<>(STANDING);
        columns.set(1, new Column("subject", subjectHeader, Kind.TEXT));
        columns.addAll(kpis);
        return columns;
    }

    /** The standing columns of a subject, then its KPI cells. */
    private static List<Object> standing(String subject, Scoreboard.Standing s,
                                         Map<String, EvaluationPolicy.Rule> rules, List<Object> kpis) {
        Scored scored = s.scored();
        List<Object> row = new ArrayList<>(ReportTable.row(s.rank(), subject, scored.score(), s.previousScore(),
                s.change(), s.previousRank(), scored.outcome().labelZh(), labels(scored.weakKpis(), rules)));
        row.addAll(kpis);
        return row;
    }

    static String labels(List<String> kpis, Map<String, EvaluationPolicy.Rule> rules) {
        return kpis.stream().map(k -> rules.containsKey(k) ? rules.get(k).label() : k)
                .collect(Collectors.joining("、"));
    }

    private ReportTables() {
    }
}
