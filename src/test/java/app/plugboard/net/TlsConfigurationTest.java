package app.plugboard.net;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.mail.TestTls;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The trust store's settings as Spring reads them: {@code plugboard.tls.trust-store(-password)}
 * ({@code PLUGBOARD_TRUST_STORE(_PASSWORD)}), and the deprecated {@code plugboard.imap.trust-store(-password)}
 * ({@code PLUGBOARD_IMAP_TRUST_STORE(_PASSWORD)}).
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("plugboard.tls.trust-store: one trust store, the old IMAP names still accepted")
class TlsConfigurationTest {

    static final String STORE = TestTls.trustStore().toString();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TlsProperties.class)
    @Import(TlsConfiguration.class)
    static class Tls {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Tls.class);

    @Test
    @DisplayName("none set: the JDK's CAs only")
    void none() {
        runner.run(context -> assertThat(context.getBean(TlsTrust.class).operatorStore()).isEmpty());
    }

    @Test
    @DisplayName("PLUGBOARD_TRUST_STORE and its password: the store is loaded, no warning")
    void currentNames(CapturedOutput output) {
        runner.withPropertyValues("plugboard.tls.trust-store=" + STORE, "plugboard.tls.trust-store-password=" + TestTls.PASSWORD)
                .run(context -> {
                    TlsTrust trust = context.getBean(TlsTrust.class);
                    assertThat(trust.operatorStore()).contains(STORE);
                    assertThat(trust.operatorCertificates()).isEqualTo(1);
                });

        assertThat(output.getAll()).doesNotContain("deprecated").doesNotContain(TestTls.PASSWORD);
    }

    @Test
    @DisplayName("the old PLUGBOARD_IMAP_TRUST_STORE names alone: still accepted, with a warning to rename them")
    void oldNames(CapturedOutput output) {
        runner.withPropertyValues("plugboard.imap.trust-store=" + STORE, "plugboard.imap.trust-store-password=" + TestTls.PASSWORD)
                .run(context -> assertThat(context.getBean(TlsTrust.class).operatorStore()).contains(STORE));

        assertThat(output.getAll()).contains("PLUGBOARD_IMAP_TRUST_STORE and PLUGBOARD_IMAP_TRUST_STORE_PASSWORD are deprecated")
                .contains("Rename them to PLUGBOARD_TRUST_STORE and PLUGBOARD_TRUST_STORE_PASSWORD")
                .doesNotContain(TestTls.PASSWORD);
    }

    @Test
    @DisplayName("both names for the same store: accepted, with the warning")
    void bothTheSame(CapturedOutput output) {
        runner.withPropertyValues("plugboard.tls.trust-store=" + STORE, "plugboard.tls.trust-store-password=" + TestTls.PASSWORD,
                        "plugboard.imap.trust-store=" + STORE, "plugboard.imap.trust-store-password=" + TestTls.PASSWORD)
                .run(context -> assertThat(context.getBean(TlsTrust.class).operatorStore()).contains(STORE));

        assertThat(output.getAll()).contains("are deprecated");
    }

    @Test
    @DisplayName("both names for different stores: the start stops, naming both and what to remove")
    void bothDifferent() {
        runner.withPropertyValues("plugboard.tls.trust-store=" + STORE, "plugboard.imap.trust-store=/etc/plugboard/mail-trust.p12")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOfSatisfying(StartupProblem.class,
                        problem -> {
                            assertThat(problem.getMessage()).isEqualTo("PLUGBOARD_TRUST_STORE (" + STORE + ") and the deprecated "
                                    + "PLUGBOARD_IMAP_TRUST_STORE (/etc/plugboard/mail-trust.p12) name different trust stores.");
                            assertThat(problem.action()).contains("remove PLUGBOARD_IMAP_TRUST_STORE and "
                                    + "PLUGBOARD_IMAP_TRUST_STORE_PASSWORD");
                        }));
    }

    @Test
    @DisplayName("both passwords set and different: the start stops, showing neither")
    void passwordsDifferent() {
        runner.withPropertyValues("plugboard.tls.trust-store=" + STORE, "plugboard.tls.trust-store-password=first-secret",
                        "plugboard.imap.trust-store-password=second-secret")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOfSatisfying(StartupProblem.class,
                        problem -> assertThat(problem.getMessage()).contains("different passwords")
                                .doesNotContain("first-secret").doesNotContain("second-secret")));
    }

    @Test
    @DisplayName("a store that cannot be read stops the start with a clear message")
    void unreadable() {
        runner.withPropertyValues("plugboard.tls.trust-store=/nonexistent/trust.p12")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(StartupProblem.class)
                        .hasMessage("The trust store /nonexistent/trust.p12 is not a readable file."));
    }
}
