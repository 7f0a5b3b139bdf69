package com.caseflow.evaluation.spotchecks.persistence;

import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.evaluation.spotchecks.domain.SampleItem;
import com.caseflow.evaluation.spotchecks.domain.SampleKind;
import com.caseflow.evaluation.spotchecks.domain.Stratum;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drawn samples, one document each, never changed once drawn (dates stored as ISO strings, as the counters do). */
@Repository
public class SampleStore implements InitializingBean {

    static final String COLLECTION = "spot_check_samples";

    @Document(COLLECTION)
    record SampleDocument(@Id String id, String kind, long seed, String from, String to, Instant asOf, int perAgent,
                          List<String> agentIds, String drawnBy, Instant drawnAt, double flaggedShare,
                          List<String> strataOrder, Map<String, Integer> population, String populationDigest,
                          List<ItemDocument> items) {
    }

    record ItemDocument(String contactId, String agentId, String caseId, String day, String channel,
                        String projectCode, String category, String stratum, List<String> reasons) {
    }

    private final MongoTemplate mongo;

    public SampleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("from", Sort.Direction.ASC).named("by_from"));
    }

    /** Stores a new sample; false when one with its id exists (a regular sample drawn already). */
    @Retry(name = "mongo")
    public boolean insertIfAbsent(Sample sample) {
        try {
            mongo.insert(document(sample));
            return true;
        } catch (DuplicateKeyException drawnAlready) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<Sample> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SampleDocument.class)).map(SampleStore::sample);
    }

    /** Samples whose period overlaps {@code from..to}, newest draw first. */
    @Retry(name = "mongo")
    public List<Sample> overlapping(LocalDate from, LocalDate to, int limit) {
        Query query = Query.query(Criteria.where("from").lte(to.toString()).and("to").gte(from.toString()))
                .with(Sort.by(Sort.Order.desc("drawnAt"), Sort.Order.desc("_id"))).limit(limit);
        return mongo.find(query, SampleDocument.class).stream().map(SampleStore::sample).toList();
    }

    private static SampleDocument document(Sample s) {
        Map<String, Integer> population = new LinkedHashMap<>();
        s.population().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> population.put(e.getKey().name(), e.getValue()));
        return new SampleDocument(s.id(), s.kind().name(), s.seed(), s.from().toString(), s.to().toString(),
                s.asOf(), s.perAgent(), s.agentIds(), s.drawnBy(), s.drawnAt(), s.flaggedShare(),
                s.strataOrder().stream().map(Enum::name).toList(), population, s.populationDigest(),
                s.items().stream().map(i -> new ItemDocument(i.contactId(), i.agentId(), i.caseId(),
                        i.day().toString(), i.channel(), i.projectCode(), i.category(), i.stratum().name(),
                        i.reasons().stream().map(Enum::name).toList())).toList());
    }

    private static Sample sample(SampleDocument d) {
        Map<Stratum, Integer> population = new EnumMap<>(Stratum.class);
        if (d.population() != null) {
            d.population().forEach((k, v) -> population.put(Stratum.valueOf(k), v));
        }
        List<SampleItem> items = d.items() == null ? List.of() : d.items().stream()
                .map(i -> new SampleItem(i.contactId(), i.agentId(), i.caseId(), LocalDate.parse(i.day()),
                        i.channel(), i.projectCode(), i.category(), Stratum.valueOf(i.stratum()),
                        i.reasons() == null ? List.of() : i.reasons().stream().map(Stratum::valueOf).toList()))
                .toList();
        return new Sample(d.id(), SampleKind.valueOf(d.kind()), d.seed(), LocalDate.parse(d.from()),
                LocalDate.parse(d.to()), d.asOf(), d.perAgent(), d.agentIds(), d.drawnBy(), d.drawnAt(),
                d.flaggedShare(), d.strataOrder().stream().map(Stratum::valueOf).toList(), population,
                d.populationDigest(), items);
    }
}
