#!/usr/bin/env bash
# The IMAP check's cost over bare Angus Mail, against a local GreenMail (README, "Performance"):
# COUNT checks through Plugboard (read and decrypt the settings, guard, connect over TLS, log in,
# count INBOX and folders, log out, store the status) and the same COUNT logins with bare Angus Mail,
# at the app's concurrency (plugboard.chat.workers, 8 unless WORKERS is given), alternating, ROUNDS times.
#
#   bench/imap.sh [COUNT=1000] [WORKERS] [ROUNDS=2]
#
# Prints both times and their ratio, also written to target/bench/imap.txt. Not part of `mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
workers="${2:-}"
rounds="${3:-2}"
./mvnw -B -q test -Dtest=ImapCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.count="$count" -Dbench.rounds="$rounds" ${workers:+-Dbench.workers="$workers"} >target/bench-imap.log 2>&1 \
    || { tail -50 target/bench-imap.log; exit 1; }
cat target/bench/imap.txt
