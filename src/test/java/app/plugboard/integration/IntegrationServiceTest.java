package app.plugboard.integration;

import static app.plugboard.testsupport.SampleSettings.caldav;
import static app.plugboard.testsupport.SampleSettings.feed;
import static app.plugboard.testsupport.SampleSettings.gmail;
import static app.plugboard.testsupport.SampleSettings.imap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.integration.calendar.CalendarType;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.integration.imap.ImapType;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.workflow.WorkflowService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@CleanDatabase
@DisplayName("IntegrationService")
class IntegrationServiceTest {

    static final UserId ALICE = new UserId(111_111_111_111_111_111L);
    static final UserId BOB = new UserId(222_222_222_222_222_222L);

    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("creates one integration of each kind, pending, and gives back exactly what was stored")
    void createsEachKind() {
        // WHEN Alice adds one integration of each kind
        IntegrationView mail = integrations.create(ALICE, "Work mail", imap("pw"));
        IntegrationView google = integrations.create(ALICE, "Gmail", gmail("tok"));
        IntegrationView feed = integrations.create(ALICE, "Family calendar", feed("tok"));
        IntegrationView dav = integrations.create(ALICE, "Nextcloud", caldav("pw"));

        // THEN each is pending, typed and summarised without secrets
        assertThat(mail.status()).isEqualTo(IntegrationStatus.PENDING);
        assertThat(mail.type()).isEqualTo(ImapType.TYPE);
        assertThat(mail.summary()).isEqualTo("alice@example.com on imap.example.com:993");
        assertThat(google.summary()).isEqualTo("alice@gmail.com");
        assertThat(feed.type()).isEqualTo(CalendarType.TYPE);
        assertThat(feed.kind()).isEqualTo(CalendarType.FEED);
        assertThat(feed.summary()).isEqualTo("iCal feed https://calendar.google.com/...");
        assertThat(dav.summary()).isEqualTo("alice on https://cloud.example.com/... (Personal)");
        // AND the list shows them sorted by label, ignoring case
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label)
                .containsExactly("Family calendar", "Gmail", "Nextcloud", "Work mail");
        // AND the stored settings decrypt to what was typed
        assertThat(integrations.settings(ALICE, mail.id())).isEqualTo(imap("pw"));
        assertThat(integrations.settings(ALICE, google.id())).isEqualTo(gmail("tok"));
        assertThat(integrations.settings(ALICE, feed.id())).isEqualTo(feed("tok"));
        assertThat(integrations.settings(ALICE, dav.id())).isEqualTo(caldav("pw"));
        assertThat(rowCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("refuses invalid settings with one message per field and stores nothing")
    void refusesInvalidSettings() {
        // GIVEN IMAP settings with a URL for a server and port 0
        ImapSettings bad = new ImapSettings("alice@example.com", Secret.of("pw"), "imaps://imap.example.com", 0,
                ImapSecurity.IMPLICIT_TLS, null, null);

        // WHEN Alice adds them
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> integrations.create(ALICE, "Work", bad));

        // THEN each wrong field is named, and nothing is stored
        assertThat(refused.problems()).extracting(InputProblem::key).containsExactly("server", "port");
        assertThat(refused.userMessage()).contains("Server is not a server name").contains("Port must be a number from 1 to 65535");
        assertThat(rowCount()).isZero();
    }

    @Nested
    @DisplayName("labels")
    class Labels {

        @Test
        @DisplayName("a duplicate label of the same person, in any case, is refused with a message naming it")
        void duplicateLabelRefused() {
            // GIVEN Alice has "Work mail"
            integrations.create(ALICE, "Work mail", imap("pw"));

            // WHEN she adds another as "WORK MAIL"
            // THEN it is refused, naming the label, and she still has one integration
            assertThatThrownBy(() -> integrations.create(ALICE, "WORK MAIL", feed("x")))
                    .isInstanceOf(DuplicateLabelException.class)
                    .hasMessageContaining("\"WORK MAIL\"")
                    .hasMessageContaining("Choose another label");
            assertThat(integrations.list(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("the same label for two people is fine")
        void sameLabelForTwoPeople() {
            integrations.create(ALICE, "Work mail", imap("pw"));

            IntegrationView bobs = integrations.create(BOB, "Work mail", imap("pw2"));

            assertThat(bobs.label()).isEqualTo("Work mail");
            assertThat(rowCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("renaming onto another of one's labels is refused; renaming to a new case of one's own label works")
        void renameRespectsUniqueness() {
            IntegrationView work = integrations.create(ALICE, "Work mail", imap("pw"));
            integrations.create(ALICE, "Home mail", imap("pw"));

            assertThatThrownBy(() -> integrations.rename(ALICE, work.id(), work.version(), "home MAIL"))
                    .isInstanceOf(DuplicateLabelException.class).hasMessageContaining("\"home MAIL\"");
            IntegrationView renamed = integrations.rename(ALICE, work.id(), work.version(), "WORK mail");

            assertThat(renamed.label()).isEqualTo("WORK mail");
            assertThat(renamed.version()).isGreaterThan(work.version());
        }

        @Test
        @DisplayName("an empty, too long or multi-line label is refused, naming the label field")
        void invalidLabels() {
            for (String label : List.of("  ", "x".repeat(51), "two\nlines")) {
                InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                        () -> integrations.create(ALICE, label, imap("pw")));
                assertThat(refused.problems()).extracting(InputProblem::key).containsExactly("label");
                assertThat(refused.userMessage()).startsWith("Label ");
            }
            assertThat(rowCount()).isZero();
        }

        @Test
        @DisplayName("a label with half a character (an unpaired surrogate, which PostgreSQL would store as ?) is refused")
        void incompleteCharactersInLabels() {
            for (String label : List.of("Work\uD800", "\uDC00Work", "Work \uD83D mail")) {
                InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                        () -> integrations.create(ALICE, label, imap("pw")));
                assertThat(refused).as(label).isNotNull();
                assertThat(refused.problems()).extracting(InputProblem::key).containsExactly("label");
                assertThat(refused.userMessage()).isEqualTo("Label contains a broken character (half of an emoji or symbol): "
                        + "type it again.");
            }
            assertThat(rowCount()).isZero();
            // AND a whole emoji is fine
            assertThat(integrations.create(ALICE, "Work \uD83D\uDCEC", imap("pw")).label()).isEqualTo("Work 📬");
        }

        @Test
        @DisplayName("a label with a line break or control character beyond ASCII (U+0085, U+2028, U+2029, U+009B) is refused too")
        void unicodeLineBreaksInLabels() {
            for (String label : List.of("Work\u0085mail", "Work\u2028mail", "Work\u2029mail", "Work\u009Bmail")) {
                InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                        () -> integrations.create(ALICE, label, imap("pw")));
                assertThat(refused).as(label).isNotNull();
                assertThat(refused.problems()).extracting(InputProblem::key).containsExactly("label");
                assertThat(refused.userMessage()).isEqualTo("Label contains a line break or control character: type it on one line.");
            }
            assertThat(rowCount()).isZero();
        }
    }

    @Nested
    @DisplayName("another person's integration")
    class Ownership {

        @Test
        @DisplayName("cannot be found, read, renamed, changed, checked or deleted by someone else: \"not found\", and stays as it was")
        void othersAnswerNotFound() {
            // GIVEN Alice's integration
            IntegrationView alices = integrations.create(ALICE, "Work mail", imap("secret-pw"));

            // WHEN Bob tries everything on it THEN each answers "not found"
            List<Runnable> attempts = List.of(
                    () -> integrations.get(BOB, alices.id()),
                    () -> integrations.settings(BOB, alices.id()),
                    () -> integrations.rename(BOB, alices.id(), alices.version(), "Mine now"),
                    () -> integrations.replaceSettings(BOB, alices.id(), alices.version(), imap("bobs")),
                    () -> integrations.recordCheck(BOB, alices.id(), IntegrationStatus.ERROR, "x"),
                    () -> integrations.delete(BOB, alices.id(), alices.version()));
            for (Runnable attempt : attempts) {
                assertThatThrownBy(attempt::run).isInstanceOf(NotFoundException.class)
                        .hasMessageStartingWith("I can't find that integration");
            }
            // AND Bob's list is empty, Alice's integration is untouched
            assertThat(integrations.list(BOB)).isEmpty();
            assertThat(integrations.get(ALICE, alices.id())).isEqualTo(alices);
            assertThat(integrations.settings(ALICE, alices.id())).isEqualTo(imap("secret-pw"));
        }

        @Test
        @DisplayName("an id that does not exist answers exactly like someone else's")
        void unknownIdLikeForeign() {
            IntegrationView alices = integrations.create(ALICE, "Work mail", imap("pw"));

            String foreign = catchThrowableOfType(NotFoundException.class, () -> integrations.get(BOB, alices.id())).getMessage();
            String missing = catchThrowableOfType(NotFoundException.class, () -> integrations.get(BOB, IntegrationId.random())).getMessage();

            assertThat(foreign).isEqualTo(missing);
        }
    }

    @Nested
    @DisplayName("edits")
    class Edits {

        @Test
        @DisplayName("an edit based on a stale version fails with \"changed meanwhile\" and loses nothing")
        void staleVersion() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));
            IntegrationView renamed = integrations.rename(ALICE, seen.id(), seen.version(), "Office mail");

            assertThatThrownBy(() -> integrations.replaceSettings(ALICE, seen.id(), seen.version(), imap("new-pw")))
                    .isInstanceOf(ChangedMeanwhileException.class)
                    .hasMessageContaining("changed meanwhile, nothing was lost");
            assertThatThrownBy(() -> integrations.delete(ALICE, seen.id(), seen.version()))
                    .isInstanceOf(ChangedMeanwhileException.class);

            assertThat(integrations.get(ALICE, seen.id())).isEqualTo(renamed);
            assertThat(integrations.settings(ALICE, seen.id())).isEqualTo(imap("pw"));
        }

        @Test
        @DisplayName("two concurrent edits of one integration: one wins, the other is told it changed meanwhile")
        void concurrentEdits() throws Exception {
            // GIVEN an integration both edits start from
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
            try {
                // WHEN two renames based on the same version run at the same time
                List<Future<?>> edits = new ArrayList<>();
                for (String label : List.of("First", "Second")) {
                    edits.add(pool.submit(() -> {
                        together.await();
                        try {
                            integrations.rename(ALICE, seen.id(), seen.version(), label);
                            outcomes.add("renamed to " + label);
                        } catch (ChangedMeanwhileException e) {
                            outcomes.add("changed meanwhile");
                        }
                        return null;
                    }));
                }
                for (Future<?> edit : edits) {
                    edit.get();
                }
            } finally {
                pool.shutdownNow();
            }

            // THEN exactly one rename won and the other was refused
            assertThat(outcomes).hasSize(2).containsOnlyOnce("changed meanwhile");
            String winner = outcomes.stream().filter(o -> o.startsWith("renamed")).findFirst().orElseThrow().substring(11);
            // AND the winner's change is intact
            IntegrationView stored = integrations.get(ALICE, seen.id());
            assertThat(stored.label()).isEqualTo(winner);
            assertThat(stored.version()).isEqualTo(seen.version() + 1);
        }

        @Test
        @DisplayName("replacing settings keeps the type, stores the new secret and resets the status to pending")
        void replaceSettings() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("old"));
            integrations.recordCheck(ALICE, seen.id(), IntegrationStatus.CONNECTED, null);
            long version = integrations.get(ALICE, seen.id()).version();

            IntegrationView replaced = integrations.replaceSettings(ALICE, seen.id(), version, imap("new"));

            assertThat(replaced.status()).isEqualTo(IntegrationStatus.PENDING);
            assertThat(integrations.settings(ALICE, seen.id())).isEqualTo(imap("new"));
        }

        @Test
        @DisplayName("settings of another type are refused, naming the type")
        void otherTypeRefused() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));

            assertThatThrownBy(() -> integrations.replaceSettings(ALICE, seen.id(), seen.version(), feed("x")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("\"Work mail\" is IMAP mail");
            assertThat(integrations.settings(ALICE, seen.id())).isEqualTo(imap("pw"));
        }

        @Test
        @DisplayName("a check result is stored with its reason, and success clears the reason and sets last success")
        void recordsChecks() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

            IntegrationView failed = integrations.recordCheck(ALICE, seen.id(), IntegrationStatus.ERROR, "Login refused: check the password.");
            IntegrationView ok = integrations.recordCheck(ALICE, seen.id(), IntegrationStatus.CONNECTED, "ignored");

            assertThat(seen.lastCheckedAt()).isNull();
            assertThat(failed.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(failed.statusReason()).isEqualTo("Login refused: check the password.");
            assertThat(failed.lastCheckedAt()).isBetween(before, Instant.now());
            assertThat(failed.lastSuccessAt()).isNull();
            assertThat(ok.statusReason()).isNull();
            assertThat(ok.lastCheckedAt()).isAfterOrEqualTo(failed.lastCheckedAt());
            assertThat(ok.lastSuccessAt()).isEqualTo(ok.lastCheckedAt());
            assertThat(integrations.get(ALICE, seen.id())).isEqualTo(ok);
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {

        @Test
        @DisplayName("deletes the owner's integration at the version they saw")
        void deletes() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));

            integrations.delete(ALICE, seen.id(), seen.version());

            assertThat(integrations.list(ALICE)).isEmpty();
            assertThat(rowCount()).isZero();
        }

        @Test
        @DisplayName("an integration that a workflow uses is not deleted, and the reply says why")
        void inUse() {
            IntegrationView seen = integrations.create(ALICE, "Work mail", imap("pw"));
            workflows.create(ALICE, "Morning digest", Set.of(seen.id()));

            assertThatThrownBy(() -> integrations.delete(ALICE, seen.id(), seen.version()))
                    .isInstanceOf(IntegrationInUseException.class)
                    .hasMessageContaining("Workflows still use \"Work mail\"");
            assertThat(integrations.get(ALICE, seen.id())).isEqualTo(seen);
        }
    }

    @Test
    @DisplayName("secrets copied from another row do not decrypt: the owner is told to enter them again")
    void secretsBoundToTheirRow() {
        // GIVEN two integrations of Alice and one of Bob
        IntegrationView first = integrations.create(ALICE, "First", imap("first-pw"));
        IntegrationView second = integrations.create(ALICE, "Second", imap("second-pw"));
        IntegrationView bobs = integrations.create(BOB, "Bob's", imap("bob-pw"));

        // WHEN the ciphertext of the first is copied onto the second, and onto Bob's row
        jdbc.update("update integration set secrets = (select secrets from integration where id = ?) where id in (?, ?)",
                first.id().value(), second.id().value(), bobs.id().value());

        // THEN neither copy decrypts, and the message says what to do without any crypto detail
        assertThatThrownBy(() -> integrations.settings(ALICE, second.id()))
                .isInstanceOf(UnreadableCredentialsException.class)
                .hasMessage("The stored credentials of \"Second\" can't be read anymore. "
                        + "Enter them again with edit, or ask the operator whether the encryption key changed.");
        assertThatThrownBy(() -> integrations.settings(BOB, bobs.id())).isInstanceOf(UnreadableCredentialsException.class);
        // AND the original still decrypts in its own row
        assertThat(integrations.settings(ALICE, first.id())).isEqualTo(imap("first-pw"));
    }

    private int rowCount() {
        Integer count = jdbc.queryForObject("select count(*) from integration", Integer.class);
        return count == null ? 0 : count;
    }
}
