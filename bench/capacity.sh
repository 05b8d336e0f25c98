#!/usr/bin/env bash
# Capacity of one Plugboard at its default pools (README, "Capacity"): interactions a second (/integration list
# through a fake Discord, at rising rates) and background checks a second (the real watch against a loopback feed
# server: all due at once on 50 servers and on one server, then optionally due at a steady rate).
#
#   bench/capacity.sh [latency ms=0] [feeds=600] [servers=50,1] [spread=]
#
#   latency  how long the feed server takes to answer (a real provider: about 0.5-1 s)
#   servers  rounds with every check due at once, feeds spread over that many servers (1: the per-server limit)
#   spread   rounds with checks due one after another, SERVERS@RATE, e.g. 50@10,1@4
#
# Prints the machine's load average with every figure (other work on the machine competes for its cores).
# Results also in target/benchmarks/interaction-capacity.txt and watch-capacity.txt. Not part of `mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dtest='InteractionCapacityBenchmark,WatchCapacityBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.latency="${1:-0}" -Dbench.count="${2:-600}" -Dbench.servers="${3:-50,1}" -Dbench.spread="${4:-}" \
  | grep -E '^(machine|offered|[0-9]+ servers|one server)|Tests run:|FAIL'
