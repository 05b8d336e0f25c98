#!/usr/bin/env bash
# Startup to ready with the embedded database: from `java -jar` to the health endpoint answering UP.
# Usage: bench/startup.sh [runs]   (builds target/plugboard.jar if it is missing)
# "first start" includes creating the database (initdb, migrations, key generation);
# "restart" reuses the same data directory, as a newcomer's second `./mvnw spring-boot:run` does.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=18765
[ -f target/plugboard.jar ] || ./mvnw -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

millis() { date +%s%3N; }

measure() { # $1: data dir; prints milliseconds to ready
  local start pid ready
  start=$(millis)
  java -jar target/plugboard.jar --plugboard.data-dir="$1" --server.port=$port >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 $pid 2>/dev/null; then echo "the app exited; its log:" >&2; cat "$work/app.log" >&2; exit 1; fi
    sleep 0.05
  done
  ready=$(millis)
  kill -TERM $pid; wait $pid || true
  echo $((ready - start))
}

summary() { # label, values...
  local label=$1; shift
  printf '%s' "$*" | tr ' ' '\n' | sort -n | awk -v label="$label" '
    { v[NR] = $1; sum += $1 }
    END { printf "%-12s runs=%d  min=%d ms  median=%d ms  max=%d ms  mean=%d ms\n", label, NR, v[1], v[int((NR + 1) / 2)], v[NR], sum / NR }'
}

first=() restart=()
for i in $(seq "$runs"); do
  dir="$work/data-$i"
  first+=("$(measure "$dir")")
  restart+=("$(measure "$dir")")
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
summary "first start" "${first[@]}"
summary "restart" "${restart[@]}"
