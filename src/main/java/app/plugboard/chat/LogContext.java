package app.plugboard.chat;

import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The interaction's reference in the log: every line logged while an interaction is handled carries it
 * (the MDC key {@value #REF}; a field of its own in JSON logs), on whichever thread its work runs. It is
 * the reference the person reads when something goes wrong, so one grep finds everything that happened.
 */
public final class LogContext {

    /** The MDC key of the interaction's reference. */
    public static final String REF = "ref";

    private LogContext() {
    }

    /** Runs {@code work} with {@code ref} in the MDC, then puts back what was there. */
    static <T> T withRef(String ref, Supplier<T> work) {
        @Nullable String previous = MDC.get(REF);
        MDC.put(REF, ref);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(REF);
            } else {
                MDC.put(REF, previous);
            }
        }
    }

    /** {@code work} made to run, on any thread, with the MDC of the thread that calls this. */
    public static <T> Supplier<T> carried(Supplier<T> work) {
        @Nullable Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            @Nullable Map<String, String> previous = MDC.getCopyOfContextMap();
            set(context);
            try {
                return work.get();
            } finally {
                set(previous);
            }
        };
    }

    private static void set(@Nullable Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
