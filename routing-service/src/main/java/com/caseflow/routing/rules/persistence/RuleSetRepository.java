package com.caseflow.routing.rules.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface RuleSetRepository extends MongoRepository<RuleSetDocument, Long> {

    Optional<RuleSetDocument> findFirstByOrderByVersionDesc();
}
