package app.plugboard.soak;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the process holds at one moment, to compare the start of a soak with its end: heap in use after a
 * full collection, live threads of Plugboard and the JVM (by pool; the harness's are left out), open file
 * descriptors, database connections
 * (the server's count for this database, and each Hikari pool's), and the resident memory of this JVM and
 * of the embedded PostgreSQL's processes (RSS, and PSS, which shares their common memory out fairly).
 */
record Resources(long heapAfterFullGc, int threads, Map<String, Integer> threadsByPool, long fileDescriptors,
        int databaseConnections, Map<String, Integer> poolConnections, long jvmRssKb, int postgresProcesses,
        long postgresRssKb, long postgresPssKb) {

    /**
     * The harness's threads, which are not counted: the simulated people, the fake Discord (REST and gateway),
     * GreenMail's servers and connections, the feed server, the JDK's HTTP servers, Surefire's own.
     */
    static final List<String> HARNESS = List.of("soak-", "fake-discord-", "WebSocket", "imap", "smtp", "HTTP-Dispatcher",
            "idle-timeout-task", "surefire-", "main", "process reaper", "postgres:pid");

    static Resources measure(JdbcTemplate jdbc, MeterRegistry meters) {
        List<Long> postgres = postgres(jdbc);
        Map<String, Integer> pools = countThreadsByPool();
        pools.keySet().removeIf(pool -> HARNESS.stream().anyMatch(pool::startsWith));
        int threads = pools.values().stream().mapToInt(Integer::intValue).sum();
        return new Resources(measureHeapAfterFullGc(), threads, pools,
                countFileDescriptors(), databaseConnections(jdbc), poolConnections(meters), kilobytes(ProcessHandle.current().pid(), "VmRSS"),
                postgres.size(), postgres.stream().mapToLong(pid -> kilobytes(pid, "VmRSS")).sum(),
                postgres.stream().mapToLong(Resources::pssKb).sum());
    }

    /** Heap in use after full collections (three, a moment apart, so what the first freed is gone too). */
    static long measureHeapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap in use now, without collecting: for the minute-by-minute line. */
    static long heapNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Threads by name with the numbers taken out: "chat-work-#" 8, "soak-person-#" 500... */
    static Map<String, Integer> countThreadsByPool() {
        Map<String, Integer> pools = new TreeMap<>();
        long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(ids)) {
            if (info != null) {
                pools.merge(info.getThreadName().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }
        return pools;
    }

    static long countFileDescriptors() {
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            return open.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Connections the database server has open to this database (the one asking included). */
    static int databaseConnections(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()",
                Integer.class);
        return count == null ? -1 : count;
    }

    /** Each Hikari pool's open connections, from its own metrics: "plugboard" (the chat's), "plugboard-web". */
    static Map<String, Integer> poolConnections(MeterRegistry meters) {
        Map<String, Integer> pools = new TreeMap<>();
        for (Gauge gauge : meters.find("hikaricp.connections").gauges()) {
            pools.put(gauge.getId().getTag("pool"), (int) gauge.value());
        }
        return pools;
    }

    /**
     * The database server's processes on this machine: its postmaster (the parent of the backend that answers
     * us; {@code pg_ctl} detaches it from this JVM) and every process it started. Empty when the server is
     * elsewhere.
     */
    static List<Long> postgres(JdbcTemplate jdbc) {
        Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        long postmaster = backend == null ? -1 : parent(backend);
        return ProcessHandle.of(postmaster)
                .map(server -> Stream.concat(Stream.of(server), server.descendants()).map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** The parent of a process, from {@code /proc/<pid>/stat} (after the command in parentheses: state, then ppid). */
    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] afterCommand = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterCommand[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A line of {@code /proc/<pid>/status} such as VmRSS, in kB; 0 when the process is gone. */
    static long kilobytes(long pid, String field) {
        return procValue(Path.of("/proc", String.valueOf(pid), "status"), field);
    }

    private static long pssKb(long pid) {
        return procValue(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss");
    }

    private static long procValue(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The pools that grew between two snapshots, "name +n". */
    static List<String> grownPools(Resources start, Resources end) {
        List<String> grown = new ArrayList<>();
        end.threadsByPool().forEach((pool, count) -> {
            int before = start.threadsByPool().getOrDefault(pool, 0);
            if (count > before) {
                grown.add(pool + " +" + (count - before));
            }
        });
        return grown;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1024.0 / 1024.0);
    }

    static String megabytesOfKb(long kilobytes) {
        return String.format(Locale.ROOT, "%,.0f MB", kilobytes / 1024.0);
    }
}
