package io.kommander.supportbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers depend one way: policy at the bottom, the assembly (this package) at the top. */
class ArchitectureTest {
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kommander.supportbot");

  /**
   * The layers, bottom up: the policy core; the parser and the words beside each other on it;
   * catalog and delivery services; the Slack adapter; announcements and the upstream watcher; the
   * HTTP edge (server, API, page) and the CLI; the assembly. Each may use only what lies below it.
   */
  @Test
  void layersOnlyPointDown() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Policy")
        .definedBy("io.kommander.supportbot.policy..")
        .layer("Query")
        .definedBy("io.kommander.supportbot.query..")
        .layer("Render")
        .definedBy("io.kommander.supportbot.render..")
        .layer("Catalog")
        .definedBy("io.kommander.supportbot.catalog..")
        .layer("Delivery")
        .definedBy("io.kommander.supportbot.delivery..")
        .layer("Slack")
        .definedBy("io.kommander.supportbot.slack..")
        .layer("Announce")
        .definedBy("io.kommander.supportbot.announce..")
        .layer("Upstream")
        .definedBy("io.kommander.supportbot.upstream..")
        .layer("Http")
        .definedBy("io.kommander.supportbot.http..")
        .layer("Api")
        .definedBy("io.kommander.supportbot.api..")
        .layer("Web")
        .definedBy("io.kommander.supportbot.web..")
        .layer("Cli")
        .definedBy("io.kommander.supportbot.cli..")
        .layer("Assembly")
        .definedBy("io.kommander.supportbot")
        .whereLayer("Assembly")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Cli")
        .mayOnlyBeAccessedByLayers("Assembly")
        .whereLayer("Web")
        .mayOnlyBeAccessedByLayers("Assembly")
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Assembly")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Web", "Api", "Assembly")
        .whereLayer("Upstream")
        .mayOnlyBeAccessedByLayers("Cli", "Assembly")
        .whereLayer("Announce")
        .mayOnlyBeAccessedByLayers("Api", "Assembly")
        .whereLayer("Slack")
        .mayOnlyBeAccessedByLayers("Announce", "Api", "Assembly")
        .whereLayer("Delivery")
        .mayOnlyBeAccessedByLayers("Slack", "Announce", "Upstream", "Assembly")
        .whereLayer("Catalog")
        .mayOnlyBeAccessedByLayers("Upstream", "Api", "Cli", "Assembly")
        .whereLayer("Render")
        .mayOnlyBeAccessedByLayers(
            "Slack", "Announce", "Upstream", "Http", "Api", "Web", "Cli", "Assembly")
        .whereLayer("Query")
        .mayOnlyBeAccessedByLayers("Slack", "Http", "Api", "Web", "Cli", "Assembly")
        .check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.kommander.supportbot.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void onlyTheAssemblyDependsOnTheAssembly() {
    noClasses()
        .that()
        .resideInAPackage("io.kommander.supportbot.(*)..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.kommander.supportbot")
        .check(MAIN);
  }

  @Test
  void thePolicyCoreKnowsNoSlackHttpJsonOrIo() {
    noClasses()
        .that()
        .resideInAPackage("io.kommander.supportbot.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "jakarta.servlet..",
            "org.eclipse.jetty..",
            "com.fasterxml.jackson..",
            "okhttp3..",
            "java.io..",
            "java.nio.file..",
            "java.net.http..",
            "java.sql..")
        .orShould()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.kommander.supportbot.policy..", "java..", "javax.annotation..")
        .check(MAIN);
  }

  /** Small files of one idea each: a file that grows past this wants splitting by what it does. */
  @Test
  void noMainFileIsOverThreeHundredLines() throws Exception {
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      java.util.List<String> long_ =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> {
                    try {
                      return java.nio.file.Files.readAllLines(f).size() > 300;
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Object::toString)
              .toList();
      org.assertj.core.api.Assertions.assertThat(long_).isEmpty();
    }
  }
}
