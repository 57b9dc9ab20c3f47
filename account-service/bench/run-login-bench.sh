#!/usr/bin/env bash
# Logins per second of account-service alone (issue 9, part 3), as production runs it:
#   account-service/bench/run-login-bench.sh [concurrency...]     (default: 20 50)
# Starts a throwaway PostgreSQL 15 (Debian's binaries, fsync off: only logins are measured), seeds
# 1,000 active parent accounts sharing one Argon2id hash, runs the service jar with the production
# JVM flags (-XX:+UseParallelGC -Xmx512m, C2 on) and no Kafka (logins publish nothing), then runs
# LoginLoad.java at each concurrency: 20 s warm-up (JIT), 30 s measured, distinct accounts in turn.
# BENCH_NICE=-10 runs the service ahead of other work on a shared machine (default 0: as it comes).
# Needs: ./mvnw -B -o -q -pl account-service -am package -DskipTests, and root (runuser postgres).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LEVELS=("$@")
[[ $# -eq 0 ]] && LEVELS=(20 50)
WORK="$(mktemp -d /tmp/login-bench.XXXXXX)"
chmod 755 "$WORK"
PGPORT=$((20000 + RANDOM % 10000))
APPPORT=$((30000 + RANDOM % 10000))
PASSWORD='Banc-de-connexion-2026!'
JAR="$ROOT/account-service/target/account-service.jar"
cleanup() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null || true
  runuser -u postgres -- pg_ctl -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- initdb -D "$WORK/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- pg_ctl -D "$WORK/pg" -l "$WORK/pg/log" -w \
  -o "-p $PGPORT -k $WORK/pg -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE ROLE portail LOGIN PASSWORD 'portail'" -c "CREATE DATABASE account OWNER portail"

nice -n "${BENCH_NICE:-0}" java -XX:+UseParallelGC -Xmx512m -jar "$JAR" --server.port="$APPPORT" --portail.database.port="$PGPORT" \
  --portail.database.host=127.0.0.1 --spring.kafka.bootstrap-servers=127.0.0.1:1 >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APPPORT/actuator/health/liveness" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done

# One Argon2id hash for every seeded account, made with the service's own encoder settings.
mkdir "$WORK/boot" && (cd "$WORK/boot" && jar xf "$JAR")
HASH="$(java -cp "$WORK/boot/BOOT-INF/classes:$WORK/boot/BOOT-INF/lib/*" "$ROOT/account-service/bench/HashOne.java" "$PASSWORD")"
psql -h 127.0.0.1 -p "$PGPORT" -U portail -d account -qc "INSERT INTO user_account (email, password_hash, roles, display_name, status)
  SELECT format('bench%s@exemple.fr', lpad(n::text, 4, '0')), '$HASH', ARRAY['PARENT'], format('Parent %s', n), 'ACTIVE'
  FROM generate_series(1, 1000) AS n"

echo "$(date -u +%FT%TZ) $(nproc) cores, $(uptime | sed 's/.*load/load/')"
for c in "${LEVELS[@]}"; do
  java "$ROOT/account-service/bench/LoginLoad.java" "http://127.0.0.1:$APPPORT" "$c" 1000 20 30 "$PASSWORD" "$APP_PID"
done
