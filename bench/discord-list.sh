#!/usr/bin/env bash
# Latency of /integration list through a fake Discord, against a bare JDA listener, same run.
# Usage: bench/discord-list.sh [concurrent] [rounds]      Results: target/benchmarks/discord-list.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dtest=ListLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.concurrent="${1:-200}" -Dbench.rounds="${2:-5}" | grep -E '^(machine|round|median)|Tests run:|FAIL'
