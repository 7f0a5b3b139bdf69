package com.caseflow.routing.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.caseflow.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "tools.jackson..", "io.github.resilience4j..", "com.caseflow.support..")
            .because("the rules of routing must not depend on how they are stored, sent or served");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..",
                    "..messaging..");

    @ArchTest
    static final ArchRule webAndMessagingAreEdges = noClasses()
            .that().resideInAnyPackage("..application..", "..persistence..", "..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.caseflow.routing..web..",
                    "com.caseflow.routing.messaging..", "com.caseflow.support.web..");
}
