package app.plugboard.integration.calendar;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.ZoneRulesProviderImpl;
import org.jspecify.annotations.Nullable;

/**
 * ical4j's registry of one parse, taking at most {@link #MAX_TIME_ZONES} VTIMEZONE definitions. Each one it
 * takes occupies one of ical4j's JVM-wide zone ids (1,500 in all, freed when the registry is collected), so a
 * feed full of time zones must not use them up for every other feed. Definitions past the cap are ignored:
 * their TZIDs then resolve as the well-known zone of that name, or as floating times. A TZID defined
 * again (every CalDAV event carries its own copy) is taken once. {@link #release()} gives the zone ids back
 * at once when the parsed data is no longer used.
 */
final class BoundedTimeZoneRegistry implements TimeZoneRegistry {

    static final int MAX_TIME_ZONES = 50;
    private static final Set<String> JDK_ZONES = ZoneId.getAvailableZoneIds();

    private final TimeZoneRegistry delegate = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Set<String> registered = new HashSet<>();

    @Override
    public void register(TimeZone timezone) {
        register(timezone, false);
    }

    @Override
    public void register(TimeZone timezone, boolean update) {
        synchronized (registered) {
            if (registered.size() >= MAX_TIME_ZONES || !registered.add(timezone.getID())) {
                return;
            }
        }
        delegate.register(timezone, false);
    }

    /** Frees the JVM-wide zone ids this registry holds; the zones it defined must not be used after. */
    void release() {
        ZoneRulesProviderImpl.getInstance().ifPresent(provider -> {
            for (String zoneId : Set.copyOf(delegate.getZoneRules().keySet())) {
                provider.getZoneIdPool().release(zoneId);
            }
        });
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public @Nullable TimeZone getTimeZone(String id) {
        return delegate.getTimeZone(id);
    }

    @Override
    public Map<String, ZoneRules> getZoneRules() {
        return delegate.getZoneRules();
    }

    /**
     * A TZID that names a zone the JDK knows (Google's and Apple's {@code Europe/Berlin}) is that zone,
     * with the JDK's current rules, whatever VTIMEZONE the feed carries: the JDK's rules are
     * authoritative for those names, and ical4j's own zones look their rules up again on every date
     * computation, which makes expanding recurrences several times slower. Other TZIDs (Outlook's
     * {@code W. Europe Standard Time}, custom ones) use the feed's definition.
     */
    @Override
    public ZoneId getZoneId(String tzId) {
        return JDK_ZONES.contains(tzId) ? ZoneId.of(tzId) : delegate.getZoneId(tzId);
    }

    @Override
    public @Nullable String getTzId(String zoneId) {
        return JDK_ZONES.contains(zoneId) ? zoneId : delegate.getTzId(zoneId);
    }
}
