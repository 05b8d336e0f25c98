package app.plugboard.watch;

import app.plugboard.common.UserId;
import app.plugboard.integration.AlertChanged;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationWatch;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the chat's lists show of the watch: the next check of each integration, and notices that could not be sent. */
@Component
class WatchReport implements IntegrationWatch {

    private final JdbcTemplate jdbc;
    private final WatchScheduler scheduler;

    WatchReport(JdbcTemplate jdbc, WatchScheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    @Override
    public Map<IntegrationId, Instant> nextChecks(Collection<IntegrationId> integrations) {
        Map<IntegrationId, Instant> next = new HashMap<>();
        if (!scheduler.on() || integrations.isEmpty()) {
            return next;
        }
        String[] ids = integrations.stream().map(IntegrationId::toString).toArray(String[]::new);
        jdbc.query("select task_instance, execution_time from scheduled_tasks where task_name = ? and task_instance = any(?)",
                row -> {
                    next.put(IntegrationId.parse(row.getString("task_instance")), row.getTimestamp("execution_time").toInstant());
                }, WatchScheduler.CHECK, ids);
        return next;
    }

    @Override
    public List<AlertChanged> undelivered(UserId owner) {
        return jdbc.query("""
                select * from (
                    select distinct on (integration_id) * from integration_notice
                    where owner_id = ? order by integration_id, created_at desc
                ) latest
                where outcome = 'REFUSED' and change <> 'RECOVERED'
                    and not exists (select 1 from integration i where i.id = latest.integration_id and i.alerts_muted)
                order by created_at desc""",
                (row, number) -> new AlertChanged(owner, new IntegrationId(row.getObject("integration_id", UUID.class)),
                        row.getString("label"), row.getString("type"), AlertChanged.Change.valueOf(row.getString("change")),
                        row.getString("reason"), row.getTimestamp("created_at").toInstant()),
                owner.value());
    }
}
