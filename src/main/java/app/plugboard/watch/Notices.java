package app.plugboard.watch;

import app.plugboard.chat.Notifier;
import app.plugboard.chat.Notifier.Delivery;
import app.plugboard.common.ThreadPools;
import app.plugboard.common.UserId;
import app.plugboard.integration.AlertChanged;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.chat.IntegrationNotices;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owner's notices, exactly once each. A notice is stored in the transaction that changed the status
 * ({@link AlertChanged}), so it exists if and only if the change does; after the commit it is sent as a
 * direct message and marked with the outcome. Sending claims it for a while first (two Plugboards never send
 * one at once), and sends it under its id as the message's nonce, so a notice sent again (its Plugboard stopped
 * between sending and marking, and another took it over) still shows once. A refusal (the person accepts no
 * direct messages) is recorded and never retried; a failure (no answer) is retried a few times, later each time.
 */
@Component
class Notices implements AutoCloseable {

    static final Duration CLAIM = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 5;
    /** After a refusal, the same person's next notices within this time are not tried: one refusal is enough. */
    static final Duration REFUSAL_REMEMBERED = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Notifier> notifier;
    private final IntegrationNotices messages;
    private final Clock clock;
    private final ThreadPoolExecutor senders = ThreadPools.bounded("watch-notice-", 2, 1_000,
            new ThreadPoolExecutor.AbortPolicy());

    Notices(JdbcTemplate jdbc, ObjectProvider<Notifier> notifier, IntegrationNotices messages, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.messages = messages;
        this.clock = clock;
    }

    /** In the transaction that changed the alert: the notice, and its sending once that commits. */
    @EventListener
    void store(AlertChanged change) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into integration_notice (id, integration_id, owner_id, change, label, type, reason, created_at, not_before)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, change.id().value(), change.owner().value(), change.change().name(),
                change.label(), change.type(), change.reason(), Timestamp.from(change.at()), Timestamp.from(change.at()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendSoon(id);
                }
            });
        } else {
            sendSoon(id);
        }
    }

    private void sendSoon(UUID id) {
        try {
            senders.execute(() -> send(id));
        } catch (RejectedExecutionException e) {
            log.warn("Too many notices waiting to be sent; notice {} is sent by the next round of the watch", id);
        }
    }

    /** Sends every notice that is due and not claimed: those whose sending was cut off, and failures to retry. */
    int sendDue() {
        List<UUID> due = jdbc.queryForList("""
                select id from integration_notice where outcome is null and not_before <= ? order by not_before limit 100""",
                UUID.class, Timestamp.from(clock.instant()));
        due.forEach(this::send);
        return due.size();
    }

    /** The stored notice, claimed by this Plugboard, or empty when it is someone else's, sent, or gone. */
    private record Claimed(AlertChanged notice, int attempts, boolean refusedLately) {
    }

    void send(UUID id) {
        Optional<Claimed> claimed;
        try {
            claimed = claim(id);
        } catch (RuntimeException e) {
            log.warn("Could not claim notice {} ({}); the watch tries again later", id, e.toString());
            return;
        }
        if (claimed.isEmpty()) {
            return;
        }
        Delivery delivery = claimed.get().refusedLately() ? Delivery.REFUSED : deliver(id, claimed.get().notice());
        Instant now = clock.instant();
        if (delivery == Delivery.FAILED && claimed.get().attempts() < MAX_ATTEMPTS) {
            Instant next = now.plus(Duration.ofMinutes(1L << (claimed.get().attempts() - 1)));
            jdbc.update("update integration_notice set not_before = ? where id = ?", Timestamp.from(next), id);
            return;
        }
        jdbc.update("update integration_notice set outcome = ?, outcome_at = ? where id = ?", delivery.name(),
                Timestamp.from(now), id);
        if (delivery == Delivery.FAILED) {
            log.warn("Gave up sending notice {} after {} attempts", id, MAX_ATTEMPTS);
        }
    }

    private Optional<Claimed> claim(UUID id) {
        Instant now = clock.instant();
        return jdbc.query("""
                update integration_notice n set not_before = ?, attempts = attempts + 1
                where id = ? and outcome is null and not_before <= ?
                returning n.integration_id, n.owner_id, n.change, n.label, n.type, n.reason, n.created_at, n.attempts,
                    exists(select 1 from integration_notice r where r.owner_id = n.owner_id and r.outcome = 'REFUSED'
                        and r.outcome_at > ?) as refused_lately""",
                (row, number) -> new Claimed(new AlertChanged(new UserId(row.getLong("owner_id")),
                        new IntegrationId(row.getObject("integration_id", UUID.class)), row.getString("label"),
                        row.getString("type"), AlertChanged.Change.valueOf(row.getString("change")), row.getString("reason"),
                        row.getTimestamp("created_at").toInstant()), row.getInt("attempts"), row.getBoolean("refused_lately")),
                Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now), Timestamp.from(now.minus(REFUSAL_REMEMBERED)))
                .stream().findFirst();
    }

    private Delivery deliver(UUID id, AlertChanged notice) {
        Notifier transport = notifier.getIfAvailable();
        if (transport == null) {
            log.info("No chat to send notice {} to (neither Discord nor the terminal runs)", id);
            return Delivery.FAILED;
        }
        try {
            return transport.send(notice.owner(), messages.notice(notice), onceKey(id));
        } catch (RuntimeException e) {
            log.warn("Sending notice {} failed", id, e);
            return Delivery.FAILED;
        }
    }

    /** The notice's id in 22 characters (Discord takes a nonce of at most 25). */
    static String onceKey(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    @Override
    public void close() {
        senders.shutdown();
    }
}
