package com.caseflow.intake.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.caseflow.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "tools.jackson..", "jakarta.persistence..", "io.github.resilience4j..")
            .because("the rules of the business must not depend on how they are stored, sent or served");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..",
                    "..outbox..");

    @ArchTest
    static final ArchRule webIsNotUsedByTheCore = noClasses()
            .that().resideInAnyPackage("..application..", "..persistence..", "..outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("com.caseflow.intake..web..", "com.caseflow.support.web..");
}
