package io.eurus.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the codebase, checked on the compiled main classes of every module (the tools module sees them
 * all): packages without cycles, services without a broker, contracts without logic.
 */
class ArchitectureTest {

  private static JavaClasses eurus;

  @BeforeAll
  static void importMainClasses() {
    // The other modules arrive as jars (and their tests as test-jars): keep main classes only, wherever they sit.
    ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
    eurus = new ClassFileImporter().withImportOption(mainOnly).importPackages("io.eurus");
  }

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    // Each package is its own slice: io.eurus.processor.detect and io.eurus.processor.series are two.
    slices().matching("io.eurus.(**)").should().beFreeOfCycles().check(eurus);
  }

  @Test
  void servicesCarryNoBrokerAndNoTools() {
    noClasses().that().resideInAnyPackage("io.eurus.events..", "io.eurus.platform..", "io.eurus.ingest..",
            "io.eurus.processor..", "io.eurus.alerts..")
        .should().dependOnClassesThat().resideInAnyPackage("kafka..", "scala..", "io.eurus.embedded..",
            "io.eurus.tools..", "io.eurus.cli..")
        .check(eurus);
  }

  @Test
  void contractsNeedNoKafkaStreams() {
    noClasses().that().resideInAPackage("io.eurus.events..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..", "io.eurus.platform..")
        .check(eurus);
  }

  @Test
  void servicesDoNotReachIntoEachOther() {
    noClasses().that().resideInAPackage("io.eurus.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("io.eurus.processor..", "io.eurus.alerts..").check(eurus);
    noClasses().that().resideInAPackage("io.eurus.processor..")
        .should().dependOnClassesThat().resideInAnyPackage("io.eurus.ingest..", "io.eurus.alerts..").check(eurus);
    noClasses().that().resideInAPackage("io.eurus.alerts..")
        .should().dependOnClassesThat().resideInAnyPackage("io.eurus.ingest..", "io.eurus.processor..").check(eurus);
  }
}
