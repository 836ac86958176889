package org.trialstat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Packages point one way: cli -> io, analysis, report -> stats -> model. The statistics know nothing
 * of the command line, CSV or data frames.
 */
@AnalyzeClasses(packages = "org.trialstat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modelDependsOnNothing = noClasses().that().resideInAPackage("org.trialstat.model..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.stats..", "org.trialstat.io..",
          "org.trialstat.analysis..", "org.trialstat.report..", "org.trialstat.cli..", "picocli..",
          "org.apache.commons..", "tech.tablesaw..");

  @ArchTest
  static final ArchRule statsIsPure = noClasses().that().resideInAPackage("org.trialstat.stats..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.io..", "org.trialstat.analysis..",
          "org.trialstat.report..", "org.trialstat.cli..", "picocli..", "org.apache.commons.csv..",
          "tech.tablesaw..");

  @ArchTest
  static final ArchRule middleLayersDoNotReachUp = noClasses().that()
      .resideInAnyPackage("org.trialstat.io..", "org.trialstat.analysis..", "org.trialstat.report..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.cli..", "picocli..");

  @ArchTest
  static final ArchRule analysisDoesNotReadOrWrite = noClasses().that().resideInAPackage("org.trialstat.analysis..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.io..", "org.trialstat.report..",
          "org.apache.commons.csv..");

  @ArchTest
  static final ArchRule reportDoesNotComputeOrRead = noClasses().that().resideInAPackage("org.trialstat.report..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.io..", "org.trialstat.analysis..",
          "org.trialstat.stats..");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.trialstat.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule cliDoesNotReachIntoStats = noClasses().that().resideInAPackage("org.trialstat.cli..")
      .should().dependOnClassesThat().resideInAnyPackage("org.trialstat.stats..");
}
