package app.plugboard.integration;

import static app.plugboard.testsupport.SampleSettings.imap;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.ScriptedProbes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A connection check stores its outcome on whatever version is current, without a version of its own. Here
 * the owner's edit commits exactly between the check loading the integration and storing its status (a hook
 * on the real repository runs the edit on another thread, in its own transaction, and waits for its commit).
 */
@SpringBootTest
@CleanDatabase
@Import({ScriptedProbes.class, CheckDuringEditTest.EditBeforeNextSave.class})
@DisplayName("A check result landing while an edit is saved")
class CheckDuringEditTest {

    static final UserId ALICE = new UserId(111_111_111_111_111_111L);

    @Autowired
    ConnectionChecker checker;
    @Autowired
    IntegrationService integrations;
    @Autowired
    EditBeforeNextSave interleaving;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("is stored on the edited integration, the edit is kept, and the edit's version is the current one")
    void checkAfterConcurrentEdit() {
        // GIVEN Alice's integration, and her rename of it that commits right after the check has loaded it
        IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));
        interleaving.beforeNextSave(() -> integrations.rename(ALICE, seen.id(), seen.version(), "Office mail"));

        // WHEN the check runs and records what it found
        ConnectionChecker.Checked checked = checker.checkNow(ALICE, seen.id());

        // THEN the edit landed in between, and the check is stored on top of it
        assertThat(interleaving.pending()).isFalse();
        assertThat(checked.integration().label()).isEqualTo("Office mail");
        assertThat(checked.integration().status()).isEqualTo(IntegrationStatus.CONNECTED);
        // AND a check is no edit: the version is the rename's, so a form opened after the rename still saves
        assertThat(checked.integration().version()).isEqualTo(seen.version() + 1);
        // AND the database holds both: the new label and the check
        Map<String, Object> row = jdbc.queryForMap("select label, status, version from integration where id = ?",
                seen.id().value());
        assertThat(row).containsEntry("label", "Office mail").containsEntry("status", "CONNECTED")
                .containsEntry("version", seen.version() + 1);
        assertThat(integrations.get(ALICE, seen.id())).isEqualTo(checked.integration());
    }

    /** Wraps the real repository: the next status write first runs an edit elsewhere and waits for it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EditBeforeNextSave implements BeanPostProcessor {

        private final AtomicReference<Runnable> edit = new AtomicReference<>();

        void beforeNextSave(Runnable concurrentEdit) {
            edit.set(concurrentEdit);
        }

        boolean pending() {
            return edit.get() != null;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof IntegrationRepository repository)) {
                return bean;
            }
            return Proxy.newProxyInstance(IntegrationRepository.class.getClassLoader(),
                    new Class<?>[] {IntegrationRepository.class}, (proxy, method, args) -> {
                        if (method.getName().equals("recordStatus")) {
                            Runnable concurrentEdit = edit.getAndSet(null);
                            if (concurrentEdit != null) {
                                CompletableFuture.runAsync(concurrentEdit).join();
                            }
                        }
                        try {
                            return method.invoke(repository, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
