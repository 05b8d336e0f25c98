package app.plugboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
    @DisplayName("the sign-in pages and the OAuth HTTP clients know no integration type: they use the sign-in port")
    void signInEdgesKnowNoIntegrationType() {
        noClasses().that().resideInAnyPackage("app.plugboard.web..", "app.plugboard.oauth..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.plugboard.integration.gmail..", "app.plugboard.integration.imap..",
                        "app.plugboard.integration.calendar..")
                .check(CLASSES);
    }
}
