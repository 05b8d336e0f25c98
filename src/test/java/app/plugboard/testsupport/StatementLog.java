package app.plugboard.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every SQL statement Plugboard sends through its {@link DataSource}, while recording: which thread sent it,
 * its text and parameters (datasource-proxy wraps the application's data source). Import {@link Beans} and
 * autowire the log.
 *
 * <pre>{@code
 * log.start();
 * ... Plugboard works ...
 * List<StatementLog.Statement> sent = log.stop();
 * }</pre>
 *
 * A batch counts as one statement per parameter set (PostgreSQL runs each).
 */
public final class StatementLog {

    /** One statement: the thread that sent it, its SQL with the whitespace squeezed, and its parameters in order. */
    public record Statement(String thread, String sql, List<@Nullable Object> parameters) {

        /** Whether its SQL starts with these words (case ignored), e.g. {@code "update integration set"}. */
        public boolean startsWith(String words) {
            return sql.toLowerCase(Locale.ROOT).startsWith(words.toLowerCase(Locale.ROOT));
        }

        /** What it does to which table: "select from integration", "update scheduled_tasks", "with" (a CTE)... */
        public String kind() {
            String lower = sql.toLowerCase(Locale.ROOT);
            String verb = lower.split(" ")[0];
            return switch (verb) {
                case "select" -> "select from " + wordAfter(lower, " from ");
                case "update" -> "update " + wordAfter(lower, "update ");
                case "insert" -> "insert into " + wordAfter(lower, " into ");
                case "delete" -> "delete from " + wordAfter(lower, " from ");
                default -> verb;
            };
        }

        private static String wordAfter(String sql, String keyword) {
            int at = sql.indexOf(keyword);
            return at < 0 ? "?" : sql.substring(at + keyword.length()).strip().split("[\\s(]")[0];
        }
    }

    private final Queue<Statement> sent = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    /** Forgets what was recorded, and records from now on. */
    public void start() {
        sent.clear();
        recording = true;
    }

    /** Stops recording; what was sent since {@link #start()}, in order. */
    public List<Statement> stop() {
        recording = false;
        List<Statement> all = new ArrayList<>(sent);
        sent.clear();
        return all;
    }

    /** What was sent since {@link #start()} so far, by threads that match. */
    public List<Statement> sentBy(Predicate<String> thread) {
        return sent.stream().filter(statement -> thread.test(statement.thread())).toList();
    }

    private final QueryExecutionListener listener = new QueryExecutionListener() {
        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            if (!recording) {
                return;
            }
            String thread = Thread.currentThread().getName();
            for (QueryInfo query : queries) {
                String sql = query.getQuery().strip().replaceAll("\\s+", " ");
                List<List<ParameterSetOperation>> sets = query.getParametersList();
                if (sets.isEmpty()) {
                    sent.add(new Statement(thread, sql, List.of()));
                }
                for (List<ParameterSetOperation> set : sets) {
                    sent.add(new Statement(thread, sql, parameters(set)));
                }
            }
        }
    };

    private static List<@Nullable Object> parameters(List<ParameterSetOperation> set) {
        List<@Nullable Object> values = new ArrayList<>();
        set.stream().filter(operation -> operation.getArgs().length >= 2 && operation.getArgs()[0] instanceof Integer)
                .sorted(Comparator.comparingInt(operation -> (Integer) operation.getArgs()[0]))
                .forEach(operation -> values.add(ParameterSetOperation.isSetNullParameterOperation(operation)
                        ? null : operation.getArgs()[1]));
        return values;
    }

    DataSource wrap(DataSource dataSource) {
        return ProxyDataSourceBuilder.create("plugboard", dataSource).listener(listener).build();
    }

    @Override
    public String toString() {
        return "StatementLog" + Arrays.asList(recording ? "recording" : "stopped", sent.size() + " statements");
    }

    /** The log, and the application's data source wrapped so that it records. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor recordStatements(org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && "dataSource".equals(name)
                            ? log.getObject().wrap(dataSource) : bean;
                }
            };
        }
    }
}
