#!/usr/bin/env bash
# The faults of issue 14, long versions (README, "Reliability"). Each prints what it did and what people saw:
#   1. PostgreSQL (an external one, a second embedded server) stopped for 15 s while PEOPLE people use Plugboard,
#      then started again (DatabaseOutageUnderLoadTest);
#   2. the packaged Plugboard killed with SIGKILL in a burst of renames and deletes, then started again
#      (KilledPlugboardFault, after `package`);
#   3+4. Discord's gateway dropped every 5 s (1006, 4000) while result edits are rate-limited and answered 500 and
#      429 (DiscordFaultsBenchmark);
#   5. people checking a hung IMAP server and a dripping feed beside everyone else: the chat's p99 with and without
#      them, target within 1.3x (SlowServersBenchmark);
#   6. a graceful stop with the default PLUGBOARD_SHUTDOWN_TIMEOUT (20 s) while checks are in flight
#      (ShutdownDuringChecksTest).
#
#   bench/faults.sh [PEOPLE=40] [SECONDS=30]
#
# SECONDS is the length of each run of 3+4 and 5. Writes target/bench/faults/*.txt and prints them (also into
# target/bench/faults.txt). Not part of `mvnw verify`, which runs the short versions. About 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-40}"
seconds="${2:-30}"
log=target/bench-faults.log
mkdir -p target/bench/faults
rm -f target/bench/faults/*.txt "$log"
failed=0

run() {
    echo "-- $*" >>"$log"
    if ! ./mvnw -B "$@" >>"$log" 2>&1; then
        failed=1
        echo "FAILED: ./mvnw $*  (see $log)"
    fi
}

tests="-Dsurefire.failIfNoSpecifiedTests=false"
load() { cut -d' ' -f1-3 /proc/loadavg; }
machine="$(nproc) cores; load average (1, 5, 15 min) at the start: $(load)"
run -q test -Dtest=DatabaseOutageUnderLoadTest $tests -Dfaults.people="$people" -Dfaults.before=10 -Dfaults.outage=15 \
    -Dfaults.after=20
run -q test -Dtest='DiscordFaultsBenchmark,SlowServersBenchmark' $tests -Dfaults.people="$people" -Dfaults.seconds="$seconds"
run -q test -Dtest=ShutdownDuringChecksTest $tests -Dfaults.shutdown-timeout=20
run -q verify -Dtest=NONE $tests -Dit.test=KilledPlugboardFault -Dfaults.people="$(( people / 4 > 4 ? people / 4 : 4 ))"

printf '== machine: %s, at the end: %s (other work on the machine shares its cores)\n' "$machine" "$(load)" \
    >target/bench/faults/machine.txt
cat target/bench/faults/*.txt | tee target/bench/faults.txt
exit "$failed"
