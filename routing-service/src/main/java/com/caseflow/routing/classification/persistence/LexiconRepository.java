package com.caseflow.routing.classification.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface LexiconRepository extends MongoRepository<LexiconDocument, Long> {

    Optional<LexiconDocument> findFirstByOrderByVersionDesc();
}
