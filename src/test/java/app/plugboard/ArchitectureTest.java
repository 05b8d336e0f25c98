package app.plugboard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Module boundaries")
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.plugboard");

    static final String[] DOMAIN = {
            "app.plugboard.common..", "app.plugboard.integration..", "app.plugboard.workflow..",
            "app.plugboard.crypto..", "app.plugboard.storage..", "app.plugboard.chat..", "app.plugboard.net.."};

    @Test
    @DisplayName("JDA types stay in the Discord adapter")
    void jdaOnlyInDiscord() {
        noClasses().that().resideOutsideOfPackage("app.plugboard.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the domain knows no transport: not Discord, not the terminal, not the web")
    void domainKnowsNoTransport() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.plugboard.discord..", "app.plugboard.console..", "app.plugboard.web..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the domain does not reach into servlets or Spring MVC")
    void domainKnowsNoWeb() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web..", "org.springframework.security.web..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the fast start runs before Spring and stays light: it uses the JDK alone, and nothing of Plugboard uses it but main")
    void fastStartUsesTheJdkAlone() {
        noClasses().that().resideInAPackage("app.plugboard.launch..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "app.plugboard.launch..",
                        "org.jspecify..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("app.plugboard.launch..")
                .and().doNotHaveFullyQualifiedName("app.plugboard.PlugboardApplication")
                .should().dependOnClassesThat().resideInAPackage("app.plugboard.launch..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the sign-in pages and the OAuth HTTP clients know no integration type: they use the sign-in port")
    void signInEdgesKnowNoIntegrationType() {
        noClasses().that().resideInAnyPackage("app.plugboard.web..", "app.plugboard.oauth..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.plugboard.integration.gmail..", "app.plugboard.integration.imap..",
                        "app.plugboard.integration.calendar..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the integration root knows no type: it depends on no package beneath it (imap, gmail, calendar, chat …)")
    void integrationRootKnowsNoType() {
        rootKnowsNoSubPackage("app.plugboard.integration").check(CLASSES);
    }

    @Test
    @DisplayName("the root rule catches a root that reaches into a package beneath it, and lets a root without one pass")
    void rootRuleCatchesARootThatKnowsItsSubPackages() {
        // GIVEN the fixture's shop, whose Cart holds a shop.web.CartPage, and orders, which has no package beneath it
        JavaClasses fixture = new ClassFileImporter().importPackages("app.plugboard.cyclefixture");

        // WHEN the rule checks them as roots
        EvaluationResult shop = rootKnowsNoSubPackage("app.plugboard.cyclefixture.shop").evaluate(fixture);
        EvaluationResult orders = rootKnowsNoSubPackage("app.plugboard.cyclefixture.orders").evaluate(fixture);

        // THEN shop's dependency on shop.web is the violation, and orders passes
        assertThat(shop.getFailureReport().getDetails()).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).contains("shop.Cart", "shop.web.CartPage"));
        assertThat(orders.hasViolation()).isFalse();
    }

    @Test
    @DisplayName("no cycles between features (integration, workflow, chat …, each with its sub-packages)")
    void featuresFreeOfCycles() {
        featuresFreeOfCycles("app.plugboard").check(CLASSES);
    }

    @Test
    @DisplayName("no cycles between packages either (integration, integration.chat, integration.imap … each on its own)")
    void packagesFreeOfCycles() {
        packagesFreeOfCycles("app.plugboard").check(CLASSES);
    }

    @Test
    @DisplayName("the cycle rules catch cycles: between two features, and between a package and its sub-package")
    void cycleRulesCatchCycles() {
        // GIVEN tiny packages with deliberate cycles (src/test/java/app/plugboard/cyclefixture)
        String root = "app.plugboard.cyclefixture";
        JavaClasses fixture = new ClassFileImporter().importPackages(root);

        // WHEN the same rules check them
        EvaluationResult features = featuresFreeOfCycles(root).evaluate(fixture);
        EvaluationResult packages = packagesFreeOfCycles(root).evaluate(fixture);

        // THEN the feature rule finds orders <-> billing (no two packages cycle there) and not shop, which is one feature
        assertThat(features.hasViolation()).isTrue();
        assertThat(features.getFailureReport().getDetails()).singleElement().asString()
                .contains("feature orders", "feature billing").doesNotContain("feature shop");
        // AND the package rule finds shop <-> shop.web, and nothing between orders, billing and billing.chat
        assertThat(packages.getFailureReport().getDetails()).singleElement().asString()
                .contains("package shop ->", "package shop.web").doesNotContain("orders");
    }

    /**
     * The root of a feature offers what the packages beneath it implement (types contribute their settings,
     * formats and probes to {@code integration}) and never reaches down into them.
     */
    static ArchRule rootKnowsNoSubPackage(String root) {
        return noClasses().that().resideInAPackage(root)
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root))))
                .as("no class of " + root + " depends on a package beneath it");
    }

    /** A feature is a package right under {@code root} with everything beneath it. */
    static ArchRule featuresFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    /** Every package under {@code root} on its own: a sub-package may not cycle with its parent or a sibling. */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }
}
