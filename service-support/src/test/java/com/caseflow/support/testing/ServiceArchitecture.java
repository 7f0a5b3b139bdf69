package com.caseflow.support.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps, for its ArchUnit test:
 * {@code @ArchTest static final ArchTests layers = ArchTests.in(ServiceArchitecture.class);}
 */
public final class ServiceArchitecture {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "tools.jackson..", "jakarta.persistence..", "io.github.resilience4j..", "com.caseflow.support..")
            .because("the rules of the business must not depend on how they are stored, sent or served");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..",
                    "..messaging..");

    @ArchTest
    static final ArchRule webAndMessagingAreEdges = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..", "..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("com.caseflow..web..", "com.caseflow..messaging..")
            .because("requests and records arrive at the edges; the core does not know how it is called");

    private ServiceArchitecture() {
    }
}
