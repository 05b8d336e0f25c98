#!/usr/bin/env bash
# A sweep of the watch over COUNT integrations (half IMAP mailboxes on GreenMail, half calendar feeds on a loopback
# HTTP server, each on one of 100 + 100 host names) at the default workers (README, "Performance"):
#   - sweep time against the same fetches and logins done bare at the same concurrency (target: within 1.2x)
#   - database statements per check, counted with datasource-proxy (target: at most 3)
#   - /integration list p99 (real JDA, fake Discord) during a sweep against without one (target: within 1.3x)
#   - heap after a full GC after each sweep (target: flat)
#
#   bench/watch-sweep.sh [COUNT=10000] [ROUNDS=2]
#
# Prints the table, also written to target/bench/watch-sweep.txt. Not part of `mvnw verify`. About 25 minutes at 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
rounds="${2:-2}"
mkdir -p target
# the options the fast start gives Plugboard's JVM on Linux (launch.ThreadPriorities): the watch's threads at nice 19
priorities="-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"
for priority in 2 3 4 5 6 7 8 9 10; do priorities+=" -XX:JavaPriority${priority}_To_OSPriority=0"; done
./mvnw -B test -Dtest=WatchSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.count="$count" -Dbench.rounds="$rounds" -DargLine="-Xms2g -Xmx2g ${SWEEP_JVM-$priorities}" \
    >target/bench-watch-sweep.log 2>&1 \
    || { grep -E "Tests run|FAIL|Exception|expected|Expect" target/bench-watch-sweep.log | head -40; exit 1; }
cat target/bench/watch-sweep.txt
