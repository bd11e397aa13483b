package dev.callcenter.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.callcenter.server.archfixture.ReadsTheWallClock;
import dev.callcenter.server.archfixture.UsesJdbiOutsideARepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries (see ARCHITECTURE.md and ADR 10), checked on the compiled main
 * classes of every module: a new violation fails the build.
 */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The other modules arrive as jars in a reactor build; their test jars are not product.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.callcenter");
    assertThat(production.containPackage("dev.callcenter.helpdesk.ticket")).isTrue();
    assertThat(production.containPackage("dev.callcenter.cti.ami")).isTrue();
    assertThat(production.containPackage("dev.callcenter.kb.search")).isTrue();
    assertThat(production.containPackage("dev.callcenter.ui.http")).isTrue();
  }

  /**
   * Product code: everything but the benchmarks and the PBX simulator (a stand-in for Asterisk).
   */
  private static final String[] PRODUCT = {
    "dev.callcenter.helpdesk..",
    "dev.callcenter.kb..",
    "dev.callcenter.cti..",
    "dev.callcenter.ui..",
    "dev.callcenter.server.."
  };

  static final ArchRule asteriskJavaOnlyInTheAmiAdapter =
      noClasses()
          .that()
          .resideInAnyPackage(PRODUCT)
          .and()
          .resideOutsideOfPackage("dev.callcenter.cti.ami..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.asteriskjava..")
          .because("the rest of the code speaks our PBX vocabulary (cti.call), ADR 6");

  static final ArchRule luceneOnlyInTheSearchPackage =
      noClasses()
          .that()
          .resideInAnyPackage(PRODUCT)
          .and()
          .resideOutsideOfPackage("dev.callcenter.kb.search..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.lucene..")
          .because("the index is one replaceable part of the knowledge base, ADR 8");

  static final ArchRule timefoldOnlyInTheDispatchPlanningPackage =
      noClasses()
          .that()
          .resideInAnyPackage(PRODUCT)
          .and()
          .resideOutsideOfPackage("dev.callcenter.helpdesk.dispatch.planning..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.timefold..")
          .because("the optimiser is one replaceable part of dispatch, ADR 15");

  /** Repositories, their SQL Object DAOs, the database package and the modules' assemblies. */
  private static final DescribedPredicate<JavaClass> MAY_USE_JDBI =
      DescribedPredicate.describe(
          "repositories, DAOs, helpdesk.db and module assemblies",
          c -> {
            String top =
                c.getEnclosingClass().map(JavaClass::getSimpleName).orElse(c.getSimpleName());
            return top.startsWith("Jdbi")
                || top.endsWith("Dao")
                || c.getPackageName().equals("dev.callcenter.helpdesk.db")
                || List.of("Helpdesk", "KnowledgeBase").contains(top);
          });

  static final ArchRule jdbiOnlyInRepositories =
      noClasses()
          .that()
          .resideInAnyPackage(PRODUCT)
          .and(DescribedPredicate.not(MAY_USE_JDBI))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.jdbi..")
          .because("services see repositories' interfaces and records, not SQL");

  static final ArchRule vertxOnlyInTheWebLayerAndServer =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.callcenter.helpdesk..", "dev.callcenter.kb..", "dev.callcenter.cti..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.vertx..")
          .because("Vert.x is the HTTP and WebSocket layer and the server's timers only");

  static final ArchRule noPackageCycles =
      slices()
          .matching("dev.callcenter.(**)")
          .should()
          .beFreeOfCycles()
          .because("a package that depends on its dependents cannot be understood alone");

  static final ArchRule timeComesFromTheInjectedClock =
      noClasses()
          .that()
          .resideInAnyPackage(PRODUCT)
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("tests drive time through the java.time.Clock the server injects");

  @Test
  void asteriskJavaStaysInTheAmiAdapter() {
    asteriskJavaOnlyInTheAmiAdapter.check(production);
  }

  @Test
  void luceneStaysInTheSearchPackage() {
    luceneOnlyInTheSearchPackage.check(production);
  }

  @Test
  void timefoldStaysInTheDispatchPlanningPackage() {
    timefoldOnlyInTheDispatchPlanningPackage.check(production);
  }

  @Test
  void jdbiStaysInRepositories() {
    jdbiOnlyInRepositories.check(production);
  }

  @Test
  void vertxStaysInTheWebLayerAndTheServer() {
    vertxOnlyInTheWebLayerAndServer.check(production);
  }

  @Test
  void packagesAreFreeOfCycles() {
    // The PBX simulator is a test tool standing in for Asterisk, not product code.
    noPackageCycles.check(production.that(JavaClass.Predicates.resideInAnyPackage(PRODUCT)));
  }

  @Test
  void timeComesFromTheClock() {
    timeComesFromTheInjectedClock.check(production);
  }

  /** The rules are not vacuous: classes that break them are reported. */
  @Test
  void theRulesReportViolations() {
    JavaClasses offenders =
        new ClassFileImporter()
            .importClasses(ReadsTheWallClock.class, UsesJdbiOutsideARepository.class);

    assertThat(timeComesFromTheInjectedClock.evaluate(offenders).getFailureReport().getDetails())
        .singleElement()
        .asString()
        .contains("ReadsTheWallClock.stamp()", "Instant.now()");
    assertThat(jdbiOnlyInRepositories.evaluate(offenders).getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("UsesJdbiOutsideARepository"));
  }
}
