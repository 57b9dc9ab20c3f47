#!/usr/bin/env bash
# pgbench measurement of the capacity transaction: tps at 1/4/16 connections, and how many places each
# strategy sold on a day of 100 places. Usage: bench/run.sh [seconds-per-run]
# Starts a throwaway PostgreSQL 15 cluster (Debian's binaries; as root through the postgres user) on port 55432.
set -euo pipefail
SECONDS_PER_RUN=${1:-10}
BIN=/usr/lib/postgresql/15/bin
DIR=$(cd "$(dirname "$0")" && pwd)
DATA=/tmp/reservation-bench-pg
PORT=55432
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$DATA"; mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres "$DATA"
as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust >/dev/null
as_pg "$BIN/pg_ctl" -D "$DATA" -o "-p $PORT -k $DATA -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=50" -w start >/dev/null
trap 'as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null' EXIT
PSQL="psql -q -h 127.0.0.1 -p $PORT -U postgres -d postgres"
printf '%-12s %8s %10s %10s %12s\n' strategy clients tps confirmed overbooked
for script in conditional naive; do
  for clients in 1 4 16; do
    $PSQL -f "$DIR/schema.sql" >/dev/null 2>&1
    tps=$(pgbench -n -h 127.0.0.1 -p $PORT -U postgres -c "$clients" -j "$clients" -T "$SECONDS_PER_RUN" -f "$DIR/$script.sql" postgres 2>/dev/null \
          | awk '/^tps/ {print int($3)}')
    confirmed=$($PSQL -At -c "SELECT count(*) FROM res WHERE status = 'CONFIRMED'")
    printf '%-12s %8s %10s %10s %12s\n' "$script" "$clients" "$tps" "$confirmed" $((confirmed > 100 ? confirmed - 100 : 0))
  done
done
