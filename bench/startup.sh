#!/usr/bin/env bash
# Startup to ready with the embedded database: from starting the JVM to /actuator/health answering UP.
# Usage: bench/startup.sh [runs]   (builds what it needs first; JAVA=/path/to/bin/java to try another JDK)
#
# Two ways of starting, each with the fast start (the default) and without it (PLUGBOARD_FAST_START=false, as
# before it existed), each on a fresh data directory ("first start": initdb, migrations, key generation) and again
# on the same directory ("restart"); all four interleaved, so a busy moment of the machine hits them alike:
#   run    the way `./mvnw spring-boot:run` starts the app: classes and dependency jars on the classpath, with the
#          plugin's JVM arguments (-XX:TieredStopAtLevel=1); Maven's own start before it is not counted
#   jar    `java -jar plugboard.jar` with the JVM's defaults, on a copy of the jar in a directory of its own
# Before measuring, each fast way makes its training run (the first start of a new build, which writes the
# archive when it ends); its time is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${JAVA:-java}
port=18765
./mvnw -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the run way's cache lives beside its classes: a copy of them, so the project's own target/ is left alone
mkdir -p "$work/run" "$work/jar"
cp -r target/classes "$work/run/classes"
cp target/plugboard.jar "$work/jar/plugboard.jar"
classpath="$work/run/classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)"

millis() { date +%s%3N; }

measure() { # $1: data dir, $2: way (run|jar), $3: fast (true|false); prints milliseconds to ready
  local start pid ready
  local args=(--plugboard.data-dir="$1" --server.port=$port --management.server.port=0 --plugboard.console.enabled=false)
  start=$(millis)
  if [ "$2" = jar ]; then
    PLUGBOARD_FAST_START=$3 "$java" -jar "$work/jar/plugboard.jar" "${args[@]}" >"$work/app.log" 2>&1 &
  else
    PLUGBOARD_FAST_START=$3 "$java" -XX:TieredStopAtLevel=1 -cp "$classpath" app.plugboard.PlugboardApplication "${args[@]}" \
        >"$work/app.log" 2>&1 &
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
    END { printf "%-34s runs=%d  min=%5d ms  median=%5d ms  max=%5d ms\n", label, NR, v[1], v[int((NR + 1) / 2)], v[NR] }'
}

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for way in run jar; do
  printf '%-34s %5d ms (writes the archive when it ends)\n' "$way, training run" "$(measure "$work/train-$way" $way true)"
done
declare -A first restart
for i in $(seq "$runs"); do
  for way in run jar; do
    for fast in false true; do
      dir="$work/$way-$fast-$i"
      first[$way-$fast]+="$(measure "$dir" $way $fast) "
      restart[$way-$fast]+="$(measure "$dir" $way $fast) "
    done
  done
done
for way in run jar; do
  for fast in false true; do
    label="$way, $([ $fast = true ] && echo "fast start" || echo "in one JVM (before)")"
    summary "$label, first start" ${first[$way-$fast]}
    summary "$label, restart" ${restart[$way-$fast]}
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
