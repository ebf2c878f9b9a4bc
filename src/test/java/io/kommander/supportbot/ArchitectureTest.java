package io.kommander.supportbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
