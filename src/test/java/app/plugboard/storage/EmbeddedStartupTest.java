package app.plugboard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.PlugboardApplication;
import app.plugboard.common.StartupProblem;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.SampleSettings;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a newcomer starts it: no database configured, no key, an empty data
 * directory. (No Spring test context here: the real defaults apply.)
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Starting with no database and no key")
class EmbeddedStartupTest {

    static final UserId ALICE = new UserId(888_888_888_888_888_888L);

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("works from an empty data directory, keeps the data over a restart, and stops its PostgreSQL with the app")
    void cleanStartAndRestart(CapturedOutput output) throws Exception {
        // GIVEN a first start on an empty data directory
        IntegrationId stored;
        int port;
        try (ConfigurableApplicationContext first = start()) {
            // THEN a key was generated, readable by its owner only, and the log says where the data lives
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("encryption.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getOut())
                    .contains("with its data in " + dataDir.resolve("postgres"))
                    .contains("set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD")
                    .contains("PLUGBOARD_ENCRYPTION_KEY is not set. A new key was generated into");
            // WHEN an integration is stored
            stored = first.getBean(IntegrationService.class).create(ALICE, "Work mail", SampleSettings.imap("pw")).id();
            port = first.getBean(EmbeddedDatabase.class).port();
            assertThat(accepts(port)).isTrue();
        }

        // THEN closing the app stops PostgreSQL cleanly
        assertThat(accepts(port)).isFalse();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        // WHEN it starts again on the same directory THEN the integration and its secret are still there
        try (ConfigurableApplicationContext second = start()) {
            IntegrationService integrations = second.getBean(IntegrationService.class);
            assertThat(integrations.list(ALICE)).singleElement().satisfies(i -> assertThat(i.label()).isEqualTo("Work mail"));
            assertThat(integrations.settings(ALICE, stored)).isEqualTo(SampleSettings.imap("pw"));
        }
    }

    @Test
    @DisplayName("a second instance on the same data directory fails with a clear message and harms nothing")
    void secondInstanceRefused(CapturedOutput output) {
        try (ConfigurableApplicationContext first = start()) {
            IntegrationService integrations = first.getBean(IntegrationService.class);
            integrations.create(ALICE, "Work mail", SampleSettings.imap("pw"));

            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(StartupProblem.class)
                    .rootCause().hasMessage("Another Plugboard is already running with the data directory " + dataDir + ".");
            assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                    .contains("Stop the other one first, or give this one its own directory with PLUGBOARD_DATA_DIR.");

            assertThat(integrations.list(ALICE)).hasSize(1);
            assertThat(integrations.settings(ALICE, integrations.list(ALICE).get(0).id())).isEqualTo(SampleSettings.imap("pw"));
        }
    }

    @Test
    @DisplayName("the prod profile without a key refuses to start, says what to do, and leaves the directory usable")
    void prodNeedsKey(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod"))
                .hasRootCauseInstanceOf(StartupProblem.class)
                .rootCause().hasMessage("PLUGBOARD_ENCRYPTION_KEY is not set, and the prod profile does not start without it.");
        assertThat(output.getOut()).contains("openssl rand -base64 32");
        assertThat(dataDir.resolve("encryption.key")).doesNotExist();

        try (ConfigurableApplicationContext afterwards = start()) {
            assertThat(afterwards.getBean(IntegrationService.class).list(ALICE)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--plugboard.data-dir=" + dataDir;
        args[1] = "--server.port=0";
        args[2] = "--plugboard.encryption.key=";
        args[3] = "--plugboard.console.enabled=false";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(PlugboardApplication.class).run(args);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
