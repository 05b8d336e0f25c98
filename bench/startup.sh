#!/usr/bin/env bash
# Startup to ready with the embedded database: from starting the JVM to /actuator/health answering UP.
# Usage: bench/startup.sh [runs]   (builds what it needs first)
#
# Two ways of starting, each on a fresh data directory ("first start": initdb, migrations, key
# generation) and again on the same directory ("restart"):
#   run    the way `./mvnw spring-boot:run` starts the app: classes and dependency jars on the
#          classpath, with the plugin's JVM arguments (-XX:TieredStopAtLevel=1); Maven's own start
#          before it is not counted
#   jar    `java -jar target/plugboard.jar` with the JVM's defaults (the Docker image's way)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=18765
./mvnw -B -q -DskipTests package
classpath="target/classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

millis() { date +%s%3N; }

measure() { # $1: data dir, $2: mode; prints milliseconds to ready
  local start pid ready
  local args=(--plugboard.data-dir="$1" --server.port=$port --plugboard.console.enabled=false)
  start=$(millis)
  if [ "$2" = jar ]; then
    java -jar target/plugboard.jar "${args[@]}" >"$work/app.log" 2>&1 &
  else
    java -XX:TieredStopAtLevel=1 -cp "$classpath" app.plugboard.PlugboardApplication "${args[@]}" >"$work/app.log" 2>&1 &
  fi
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
    END { printf "%-18s runs=%d  min=%5d ms  median=%5d ms  max=%5d ms\n", label, NR, v[1], v[int((NR + 1) / 2)], v[NR] }'
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for mode in run jar; do
  first=() restart=()
  for i in $(seq "$runs"); do
    dir="$work/$mode-$i"
    first+=("$(measure "$dir" $mode)")
    restart+=("$(measure "$dir" $mode)")
  done
  summary "$mode, first start" "${first[@]}"
  summary "$mode, restart" "${restart[@]}"
done
