package com.caseflow.console.management;

import com.caseflow.console.services.EvaluationViews;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the dashboard shows, fetched from the services side by side instead of one after the other: evaluation's four
 * reports and its daily series, and routing's open and overdue cases of every department (one request for all of them), each call as every
 * console call is — with the signed-in user's token, the user's language, behind the service's circuit breaker, its
 * refusal or failure thrown as it was. Routing's department list is asked first on the request's own thread, so a
 * token that needs renewing is renewed once, before the calls in parallel read it. At most {@value #THREADS} calls run
 * at a time across all dashboards; when they are all busy and {@value #QUEUED} more wait, the request's own thread makes
 * its calls itself.
 */
@Component
class DashboardSources implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardSources.class);
    static final int THREADS = 8;
    static final int QUEUED = 64;
    private static final ParameterizedTypeReference<EvaluationViews.Board<EvaluationViews.AgentRow>> AGENTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<EvaluationViews.Board<EvaluationViews.DepartmentRow>>
            DEPARTMENTS = new ParameterizedTypeReference<>() {
            };

    /** Routing's {@code GET /api/v1/cases/counts}: departments without open cases are left out. */
    record CaseCounts(List<DashboardFigures.CaseCount> departments) {
    }

    record Sources(EvaluationViews.Board<EvaluationViews.AgentRow> agents,
                   EvaluationViews.Board<EvaluationViews.DepartmentRow> departments,
                   EvaluationViews.Hotlines hotlines, EvaluationViews.RecurringIssues recurring,
                   List<RoutingViews.Department> known, List<DashboardFigures.CaseCount> caseCounts,
                   DailyTrend.Daily daily) {
    }

    private final Services services;
    private final ThreadPoolExecutor calls;

    DashboardSources(Services services) {
        this.services = services;
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), runnable -> {
            Thread thread = new Thread(runnable, "dashboard-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        calls.allowCoreThreadTimeOut(true);
    }

    /**
     * The period's figures; {@code project}: the daily series of that project (null: the company's); {@code department}:
     * only that department's case counts (null: every department).
     */
    Sources fetch(ReportPeriod period, String project, String department) {
        List<RoutingViews.Department> known = Arrays.asList(services.routing().call(client -> client.get()
                .uri("/api/v1/departments").retrieve().body(RoutingViews.Department[].class)));
        CompletableFuture<EvaluationViews.Board<EvaluationViews.AgentRow>> agents = async(() ->
                services.evaluation().call(client -> client.get()
                        .uri(uri -> uri.path("/api/v1/reports/agents").queryParam("from", period.from())
                                .queryParam("to", period.to()).build())
                        .retrieve().body(AGENTS)));
        CompletableFuture<EvaluationViews.Board<EvaluationViews.DepartmentRow>> departments = async(() ->
                services.evaluation().call(client -> client.get()
                        .uri(uri -> uri.path("/api/v1/reports/departments").queryParam("from", period.from())
                                .queryParam("to", period.to()).build())
                        .retrieve().body(DEPARTMENTS)));
        CompletableFuture<EvaluationViews.Hotlines> hotlines = async(() ->
                services.evaluation().call(client -> client.get()
                        .uri(uri -> uri.path("/api/v1/reports/hotlines").queryParam("from", period.from())
                                .queryParam("to", period.to()).build())
                        .retrieve().body(EvaluationViews.Hotlines.class)));
        CompletableFuture<EvaluationViews.RecurringIssues> recurring = async(() ->
                services.evaluation().call(client -> client.get()
                        .uri(uri -> uri.path("/api/v1/issues/recurring").queryParam("from", period.from())
                                .queryParam("to", period.to()).queryParam("limit", DashboardFigures.MAX_ISSUES)
                                .build())
                        .retrieve().body(EvaluationViews.RecurringIssues.class)));
        CompletableFuture<DailyTrend.Daily> daily = async(() -> daily(period, project));
        CompletableFuture<CaseCounts> counts = async(() -> services.routing().call(client -> client.get()
                .uri("/api/v1/cases/counts").retrieve().body(CaseCounts.class)));

        List<DashboardFigures.CaseCount> counted = join(counts).departments();
        Map<String, DashboardFigures.CaseCount> byCode = counted == null ? Map.of() : counted.stream()
                .collect(Collectors.toMap(DashboardFigures.CaseCount::departmentCode, Function.identity(),
                        (a, b) -> a));
        List<DashboardFigures.CaseCount> caseCounts = known.stream().map(RoutingViews.Department::code)
                .filter(code -> department == null || code.equals(department))
                .map(code -> byCode.getOrDefault(code, new DashboardFigures.CaseCount(code, 0, 0))).toList();
        return new Sources(join(agents), join(departments), join(hotlines), join(recurring), known, caseCounts,
                join(daily));
    }

    /**
     * Evaluation's daily series, or null when evaluation cannot give it: the page's other figures do not depend on it,
     * so the page says so in that section instead of failing as a whole.
     */
    private DailyTrend.Daily daily(ReportPeriod period, String project) {
        try {
            return services.evaluation().call(client -> client.get()
                    .uri(uri -> {
                        uri.path(DashboardController.Export.daily.path).queryParam("from", period.from())
                                .queryParam("to", period.to());
                        if (project != null) {
                            uri.queryParam("projectCode", project);
                        }
                        return uri.build();
                    })
                    .retrieve().body(DailyTrend.Daily.class));
        } catch (ServiceProblem | ServiceUnavailable e) {
            log.warn("the daily series is not shown: {}", e.getMessage());
            return null;
        }
    }

    /** The call on one of the dashboard's threads, as the request's own thread would make it. */
    private <T> CompletableFuture<T> async(Supplier<T> call) {
        SecurityContext security = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContext ownSecurity = SecurityContextHolder.getContext();
            RequestAttributes ownRequest = RequestContextHolder.getRequestAttributes();
            LocaleContext ownLocale = LocaleContextHolder.getLocaleContext();
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            LocaleContextHolder.setLocaleContext(locale);
            try {
                return call.get();
            } finally {
                // restored, not cleared: when the pool is full the request's own thread runs the call
                SecurityContextHolder.setContext(ownSecurity);
                RequestContextHolder.setRequestAttributes(ownRequest);
                LocaleContextHolder.setLocaleContext(ownLocale);
            }
        }, calls);
    }

    /** The call's answer, or what it threw (a service's refusal or its being unavailable), as thrown. */
    private static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        calls.shutdown();
    }
}
