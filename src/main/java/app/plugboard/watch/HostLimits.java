package app.plugboard.watch;

import app.plugboard.integration.CheckTarget;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SecretUse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perHost} background checks to one server at once, in this Plugboard: a thousand mailboxes at
 * one provider never open a thousand connections from one address to it. A check takes a permit for every
 * server it talks to (IMAP and SMTP, say), all or none. A check whose server has its share waits a little for a
 * permit (as long as a check usually takes): when most due checks are at one provider (every Gmail mailbox is at
 * imap.gmail.com), putting each off and claiming it again would leave the provider's share unused most of the time.
 */
final class HostLimits {

    private final int perHost;
    private final Map<String, Integer> inUse = new HashMap<>();

    HostLimits(int perHost) {
        this.perHost = perHost;
    }

    /**
     * A permit to the servers a check of {@code target} talks to, waiting up to {@code atMost} for one of them to
     * give a permit back; empty when none came.
     */
    Optional<Permit> acquire(CheckTarget target, Duration atMost) {
        Set<String> hosts = hosts(target);
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (inUse) {
            while (hosts.stream().anyMatch(host -> inUse.getOrDefault(host, 0) >= perHost)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inUse, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            hosts.forEach(host -> inUse.merge(host, 1, Integer::sum));
        }
        return Optional.of(new Permit(hosts));
    }

    /**
     * The servers a check talks to: where its settings send their secrets (host names, ignoring case). A type
     * whose secrets only go where the operator configured (Gmail's tokens go to Google) shares one limit per type.
     */
    static Set<String> hosts(CheckTarget target) {
        Set<String> hosts = new TreeSet<>();
        IntegrationSettings settings = target.settings();
        if (settings != null) {
            for (SecretUse use : settings.secretUses().values()) {
                use.destinations().stream().map(Destination::host).forEach(hosts::add);
            }
        }
        if (hosts.isEmpty()) {
            hosts.add("servers of " + target.type().id());
        }
        return hosts;
    }

    int inUse(String host) {
        synchronized (inUse) {
            return inUse.getOrDefault(host, 0);
        }
    }

    /** Gives the permits back; closing twice gives them back once. */
    final class Permit implements AutoCloseable {
        private final Set<String> hosts;
        private boolean closed;

        private Permit(Set<String> hosts) {
            this.hosts = hosts;
        }

        @Override
        public void close() {
            synchronized (inUse) {
                if (closed) {
                    return;
                }
                closed = true;
                hosts.forEach(host -> inUse.computeIfPresent(host, (key, count) -> count > 1 ? count - 1 : null));
                inUse.notifyAll();
            }
        }
    }
}
