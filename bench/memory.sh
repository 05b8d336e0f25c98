#!/usr/bin/env bash
# Memory at rest of the packaged Plugboard (README, "Reliability", "Memory at rest"): `java -jar
# target/plugboard.jar`, terminal chat off, embedded PostgreSQL, on a data directory that already exists
# (a first start creates it: initdb, migrations, the key; then it stops). Started
# again and left alone for SETTLE seconds, it reports the resident memory (RSS) of the java process and
# of the embedded PostgreSQL's processes (RSS, and PSS, which counts their shared memory once), the heap
# in use after a full collection, the JVM's own non-heap use, and its threads.
#
#   bench/memory.sh [SETTLE=30] [JVM options...]      e.g. bench/memory.sh 30 -XX:MaxRAMPercentage=60
#
# Builds the jar when it is missing. Not part of `mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
settle="${1:-30}"
shift || true
jvm_options=("$@")
[ -f target/plugboard.jar ] || ./mvnw -B -q -DskipTests package
work=$(mktemp -d)
web_port=18771
management_port=18772
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start() { # waits for /actuator/health UP
  java "${jvm_options[@]}" -jar target/plugboard.jar --plugboard.data-dir="$work/data" --server.port=$web_port \
    --management.server.port=$management_port --plugboard.console.enabled=false </dev/null >>"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$web_port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "Plugboard exited; its log:" >&2; cat "$work/app.log" >&2; exit 1; fi
    sleep 0.2
  done
}

stop() {
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
}

kb() { # a field of /proc/<pid>/<file> in kB, 0 when the process is gone
  local text
  text=$(cat "/proc/$1/$2" 2>/dev/null) || { echo 0; return; }
  printf '%s\n' "$text" | awk -v field="$3:" '$1 == field { print $2; found = 1 } END { if (!found) print 0 }'
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }

# a first start on an empty directory (initdb, migrations, the key), then the start that is measured
start
stop
start
sleep "$settle"
postmaster=$(head -1 "$work/data/postgres/postmaster.pid")
postgres=("$postmaster" $(pgrep -P "$postmaster" || true))
pg_rss=0 pg_pss=0
for p in "${postgres[@]}"; do
  pg_rss=$((pg_rss + $(kb "$p" status VmRSS)))
  pg_pss=$((pg_pss + $(kb "$p" smaps_rollup Pss)))
done
java_rss=$(kb "$pid" status VmRSS)
threads=$(kb "$pid" status Threads)
jcmd "$pid" GC.run >/dev/null
sleep 1
metrics=$(curl -fs "http://127.0.0.1:$management_port/actuator/prometheus")
sum_of() { # a metric's values summed over the lines that match the pattern, in bytes
  printf '%s\n' "$metrics" | awk -v pattern="$1" '$0 ~ pattern && $0 !~ /^#/ { sum += $NF } END { printf "%.0f", sum }'
}
heap_used=$(sum_of '^jvm_memory_used_bytes\{.*area="heap"')
heap_committed=$(sum_of '^jvm_memory_committed_bytes\{.*area="heap"')
heap_max=$(sum_of '^jvm_memory_max_bytes\{.*area="heap"')
nonheap_used=$(sum_of '^jvm_memory_used_bytes\{.*area="nonheap"')
java_rss_after_gc=$(kb "$pid" status VmRSS)

echo "Memory at rest: java -jar target/plugboard.jar ${jvm_options[*]:-(JVM defaults)}, embedded PostgreSQL, existing data directory, terminal chat off, ${settle} s after ready"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1024 / 1024 }' /proc/meminfo) RAM, $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-44s %s\n' "Plugboard (java) RSS" "$(mb "$java_rss") ($(mb "$java_rss_after_gc") after a full GC)"
printf '  %-44s %s\n' "  heap used after a full GC" "$(mb $((heap_used / 1024)))"
printf '  %-44s %s\n' "  heap committed / max" "$(mb $((heap_committed / 1024))) / $(mb $((heap_max / 1024)))"
printf '  %-44s %s\n' "  non-heap used (metaspace, code cache)" "$(mb $((nonheap_used / 1024)))"
printf '  %-44s %s\n' "  threads" "$threads"
printf '  %-44s %s\n' "embedded PostgreSQL: ${#postgres[@]} processes, RSS (sum)" "$(mb "$pg_rss")"
printf '  %-44s %s\n' "embedded PostgreSQL: PSS (sum)" "$(mb "$pg_pss")"
printf '  %-44s %s\n' "together (java RSS + PostgreSQL PSS)" "$(mb $((java_rss + pg_pss)))"
