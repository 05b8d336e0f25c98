package app.plugboard.watch;

import app.plugboard.common.ThreadPools;
import app.plugboard.integration.IntegrationCreated;
import app.plugboard.integration.IntegrationId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * db-scheduler, run by this Plugboard while the watch is on: one execution per integration (task
 * {@value #CHECK}, instance = the integration's id, execution time = its next check) that a check reschedules,
 * plus two recurring tasks of one execution each: {@value #RECONCILE} gives every integration without an
 * execution (stored before the watch existed, or whose execution was lost) a first check spread over the
 * interval, and {@value #RESEND} sends notices whose sending was cut off. Several Plugboards on one database
 * share the executions: each polls for due ones with {@code FOR UPDATE SKIP LOCKED}, and an execution whose
 * Plugboard stopped sending heartbeats (four in a row) is taken over by another.
 *
 * <p>Each Plugboard claims due checks in batches: one statement claims up to twice as many as it has workers, and
 * the next batch is claimed as soon as no claimed check waits for a worker. So a worker that finishes a check starts
 * the next at once, never waiting for the others of its batch or for a claim, and a claim serves about as many
 * checks as there are workers. A claimed check has no heartbeat until it runs, and waits for a worker at most as
 * long as the check before it runs (a minute at most, the longest deadline of a check): so a claim is taken over
 * only after four missed heartbeats and {@link #SILENT_AT_LEAST} at least, however short the heartbeat.
 */
@Component
class WatchScheduler implements SmartLifecycle {

    static final String CHECK = "integration-check";
    static final String RECONCILE = "integration-check-reconcile";
    static final String RESEND = "integration-notice-resend";
    static final Duration RECONCILE_EVERY = Duration.ofMinutes(5);
    static final int RECONCILE_BATCH = 1000;
    static final Duration RESEND_EVERY = Duration.ofMinutes(1);
    static final int MISSED_HEARTBEATS = 4;
    /** A new batch is claimed when at most this many checks per worker are claimed and not finished: none waiting. */
    static final double CLAIM_WHEN_QUEUED = 1.0;
    /** A batch fills this Plugboard up to this many claimed checks per worker: one running, one waiting. */
    static final double CLAIM_UP_TO = 2.0;
    /** A claim is taken over after this long without a heartbeat at least: longer than a claimed check waits. */
    static final Duration SILENT_AT_LEAST = Duration.ofMinutes(2);
    /** Kept from the shutdown timeout for what comes after the watch's stop (logging out, closing the pool). */
    static final Duration AFTER_STOP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(WatchScheduler.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final WatchProperties properties;
    private final Clock clock;
    private final BackgroundCheck check;
    private final Notices notices;
    private final CheckPlan plan;
    private final Duration shutdownTimeout;
    private final CustomTask<Void> checkTask;
    private volatile @Nullable Scheduler scheduler;
    /** Schedules through the connection of the transaction under way, if there is one (it neither commits nor closes it). */
    private final SchedulerClient inTransaction;

    WatchScheduler(DataSource dataSource, JdbcTemplate jdbc, WatchProperties properties, Clock clock, BackgroundCheck check,
            Notices notices, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.check = check;
        this.notices = notices;
        this.plan = new CheckPlan(properties.interval());
        this.checkTask = Tasks.custom(CHECK, Void.class).execute((instance, context) -> {
            IntegrationId id;
            try {
                id = IntegrationId.parse(instance.getId());
            } catch (IllegalArgumentException e) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            BackgroundCheck.Outcome outcome = this.check.run(id, context.getExecution().executionTime);
            return outcome.next() == null ? new CompletionHandler.OnCompleteRemove<>()
                    : (complete, operations) -> operations.reschedule(complete, outcome.next());
        });
        this.inTransaction = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), checkTask).build();
    }

    @Override
    public void start() {
        if (!properties.on()) {
            log.info("The watch is off (PLUGBOARD_WATCH_INTERVAL=0): integrations are checked only when someone asks.");
            return;
        }
        spreadOverdue();
        RecurringTask<Void> reconcile = Tasks.recurring(RECONCILE, FixedDelay.of(RECONCILE_EVERY))
                .execute((instance, context) -> reconcile());
        RecurringTask<Void> resend = Tasks.recurring(RESEND, FixedDelay.of(RESEND_EVERY))
                .execute((instance, context) -> notices.sendDue());
        Scheduler started = Scheduler.create(dataSource, checkTask)
                .startTasks(List.of(reconcile, resend))
                .threads(properties.workers())
                .executorService(ThreadPools.lowPriority("watch-check-", properties.workers()))
                .pollUsingLockAndFetch(CLAIM_WHEN_QUEUED, CLAIM_UP_TO)
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeat())
                .missedHeartbeatsLimit(missedHeartbeats(properties.heartbeat()))
                .schedulerName(new SchedulerName.Fixed(name()))
                .clock(clock::instant)
                .shutdownMaxWait(stopWait())
                .build();
        started.start();
        scheduler = started;
        log.info("Watching integrations: each checked every {}, {} at once at most, {} per server", properties.interval(),
                properties.workers(), properties.perHost());
    }

    /** How many heartbeats a claim may miss before another Plugboard takes it: four, and {@link #SILENT_AT_LEAST} at least. */
    static int missedHeartbeats(Duration heartbeat) {
        long covering = -Math.floorDiv(-SILENT_AT_LEAST.toMillis(), Math.max(1, heartbeat.toMillis()));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MISSED_HEARTBEATS, covering));
    }

    /** This Plugboard among others on the database: its host and a random part (two may run on one host). */
    private static String name() {
        String host = new SchedulerName.Hostname().getName();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 40 ? host.substring(0, 40) : host) + "-" + unique;
    }

    @Override
    public void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Stops on a thread of its own, so the chat's slow work waits at the same time ({@code PLUGBOARD_SHUTDOWN_TIMEOUT}
     * is for the whole stop). A check that does not finish in time is abandoned: it stored nothing (it stores in one
     * statement at its end), and its execution, still claimed by this Plugboard, is taken over once its heartbeats
     * are missed, here after a restart or by another Plugboard.
     */
    @Override
    public void stop(Runnable callback) {
        Thread stopping = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, "watch-stop");
        stopping.setDaemon(true);
        stopping.start();
    }

    /**
     * How long db-scheduler lets running checks finish: it waits this long, interrupts them (a check blocked on a
     * silent server does not notice) and waits as long again, so half of the shutdown timeout, less a moment.
     */
    private Duration stopWait() {
        Duration wait = shutdownTimeout.minus(AFTER_STOP).dividedBy(2);
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(100) : wait;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Checks that fell due while no Plugboard ran (a stop, an upgrade, the watch turned off) are spread over the time
     * they waited, up to one interval, rather than all run at once when this one starts: as many at a time as in
     * normal running. Those another Plugboard holds are left alone.
     *
     * @return how many it moved
     */
    int spreadOverdue() {
        Instant now = clock.instant();
        try {
            Timestamp oldest = jdbc.queryForObject(
                    "select min(execution_time) from scheduled_tasks where task_name = ? and not picked and execution_time < ?",
                    Timestamp.class, CHECK, Timestamp.from(now));
            if (oldest == null) {
                return 0;
            }
            Duration waited = Duration.between(oldest.toInstant(), now);
            Duration window = waited.compareTo(properties.interval()) < 0 ? waited : properties.interval();
            int moved = jdbc.update("""
                    update scheduled_tasks set execution_time = cast(? as timestamptz) + make_interval(secs => random() * ?),
                        version = version + 1
                    where task_name = ? and not picked and execution_time < ?""",
                    Timestamp.from(now), window.toMillis() / 1000.0, CHECK, Timestamp.from(now));
            if (moved > 0) {
                log.info("{} background checks fell due while no Plugboard ran: spread over the next {}", moved, window);
            }
            return moved;
        } catch (DataAccessException e) {
            log.warn("Could not spread the background checks that fell due while no Plugboard ran ({}); they run now",
                    e.toString());
            return 0;
        }
    }

    /**
     * A new integration's first check: within one interval, at a random moment. Scheduled in the transaction that
     * stores the integration, on its connection: both are stored or neither. (After the commit the thread still holds
     * that connection, and taking a second one there starved the pool when as many people added integrations at once
     * as it has connections.)
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void scheduleFirst(IntegrationCreated created) {
        if (scheduler != null) {
            inTransaction.scheduleIfNotExists(checkTask.instance(created.id().toString()), plan.first(clock.instant()));
        }
    }

    /**
     * Gives every integration without a scheduled check its first one, spread over the interval.
     *
     * @return how many it scheduled
     */
    int reconcile() {
        Scheduler running = scheduler;
        if (running == null) {
            return 0;
        }
        int scheduled = 0;
        int inBatch;
        List<String> unscheduled;
        do { // in batches, until every integration has one (after the upgrade that brings the watch: all of them)
            unscheduled = jdbc.queryForList("""
                    select i.id::text from integration i
                    where not exists (select 1 from scheduled_tasks s where s.task_name = ? and s.task_instance = i.id::text)
                    limit ?""", String.class, CHECK, RECONCILE_BATCH);
            inBatch = 0;
            for (String id : unscheduled) {
                if (running.scheduleIfNotExists(checkTask.instance(id), plan.first(clock.instant()))) {
                    inBatch++;
                }
            }
            scheduled += inBatch;
        } while (unscheduled.size() == RECONCILE_BATCH && inBatch > 0 && scheduler == running);
        if (scheduled > 0) {
            log.info("Scheduled the first background check of {} integrations, spread over {}", scheduled, properties.interval());
        }
        return scheduled;
    }

    boolean on() {
        return scheduler != null;
    }
}
