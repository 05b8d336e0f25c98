#!/usr/bin/env bash
# The soak (README, "Reliability"): USERS simulated people (500) for MINUTES (10) over the fake Discord and
# Plugboard's real JDA client, in one test JVM with the embedded PostgreSQL, GreenMail and a feed server:
# they connect mailboxes and calendar feeds, list, rename, give new passwords and addresses, check now,
# create and delete workflows, delete integrations (confirm, cancel, move), with pauses to think, read
# and type, while the watch checks every integration every SOAK_WATCH (2m).
#
#   bench/soak.sh [USERS=500] [MINUTES=10]
#   environment: SOAK_WATCH (2m), SOAK_THINK (seconds between conversations, "5-25"), SOAK_WARMUP (seconds, 60),
#                SOAK_QUIET (seconds left alone before start and end are measured, 65), SOAK_SEED (14),
#                SOAK_JVM (options of the test JVM, e.g. "-Xmx1g")
#
# Prints a line a minute, then the report (also in target/soak/soak.txt; Maven's whole output in
# target/soak/maven.log). Exits non-zero when an interaction missed Discord's 3 s, an answer was an
# error, the log has an error, or what someone was told does not match what is stored. Not part of
# `mvnw verify` (SoakTest is its fast version there).
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-500}"
minutes="${2:-10}"
mkdir -p target/soak
rm -f target/soak/soak.txt
: >target/soak/maven.log
echo "soak: $users people for $minutes min on $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
./mvnw -B test -Dtest=SoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsoak.users="$users" -Dsoak.minutes="$minutes" \
    ${SOAK_WATCH:+-Dsoak.watch="$SOAK_WATCH"} ${SOAK_THINK:+-Dsoak.think="$SOAK_THINK"} \
    ${SOAK_WARMUP:+-Dsoak.warmup="$SOAK_WARMUP"} ${SOAK_QUIET:+-Dsoak.quiet="$SOAK_QUIET"} ${SOAK_SEED:+-Dsoak.seed="$SOAK_SEED"} \
    ${SOAK_JVM:+-DargLine="$SOAK_JVM"} \
    >>target/soak/maven.log 2>&1 &
maven=$!
# the minute-by-minute lines as they come; tail ends with Maven
tail --pid=$maven -n +1 -F target/soak/maven.log 2>/dev/null | grep --line-buffered '^\[soak\]' || true
wait $maven || status=$?
if [ -f target/soak/soak.txt ]; then
    cat target/soak/soak.txt
else
    echo "the soak did not finish; the end of target/soak/maven.log:" >&2
    tail -60 target/soak/maven.log >&2
fi
exit $status
