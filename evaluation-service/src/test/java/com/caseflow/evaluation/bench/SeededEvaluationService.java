package com.caseflow.evaluation.bench;

import com.caseflow.evaluation.EvaluationApplication;
import com.caseflow.evaluation.aggregates.domain.Folding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * evaluation-service as it ships, with the evaluation benchmark's data set added once it has started: the
 * {@link MonthOfContacts#MONTH} of {@code bench.contacts} contacts by {@code bench.agents} agents and the month before
 * it, for every report the managers' dashboard reads. The dashboard benchmark (system-tests) runs it from the service's
 * own jar with this class added ({@code PropertiesLauncher}, {@code loader.path} = the {@code bench} jar of this
 * module's test classes) and waits for {@value #LOADED} in its log.
 */
public final class SeededEvaluationService {

    public static final String LOADED = "Benchmark data set loaded:";
    private static final Logger log = LoggerFactory.getLogger(SeededEvaluationService.class);

    public static void main(String[] args) {
        int contacts = Integer.getInteger("bench.contacts", 1_000_000);
        int agents = Integer.getInteger("bench.agents", 500);
        ConfigurableApplicationContext context = SpringApplication.run(EvaluationApplication.class, args);
        Folding folding = context.getBean(Folding.class);
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        long started = System.nanoTime();
        // the seeds of MonthlyReportBenchmark: the same agents' months
        new MonthOfContacts(MonthOfContacts.MONTH.minusMonths(1), 7, contacts, agents).load(folding, mongo);
        new MonthOfContacts(MonthOfContacts.MONTH, 11, contacts, agents).load(folding, mongo);
        log.info("{} {} contacts by {} agents in {} and as many the month before, in {} s", LOADED, contacts, agents,
                MonthOfContacts.MONTH.getMonth(), Math.round((System.nanoTime() - started) / 1e9));
    }

    private SeededEvaluationService() {
    }
}
