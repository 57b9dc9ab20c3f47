#!/usr/bin/env bash
# E-mails per second from notification-service's sender to a local SMTP server (target: >= 100/s).
# Runs MailThroughputBenchmark (src/test/java/.../bench): the real service on a throwaway PostgreSQL and
# Kafka, N deliveries queued, timed until the last is SENT. Prints a line starting with "RESULT:".
#   notification-service/bench/mail-throughput.sh                 # 10,000 e-mails to GreenMail in the same JVM
#   MAILS=2000 notification-service/bench/mail-throughput.sh
#   SMTP_HOST=localhost SMTP_PORT=3025 notification-service/bench/mail-throughput.sh   # dev/run's mail catcher
# The sender's settings are application.yml's (MAIL_WORKERS, MAIL_BATCH_SIZE... from the environment).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compiles the module and what it depends on, and writes its test class path (siblings as target/classes).
./mvnw -B -o -q -pl notification-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
module=notification-service
exec java -Xmx512m -XX:+UseSerialGC \
  -Dbench.mails="${MAILS:-10000}" -Dbench.smtp.host="${SMTP_HOST:-}" -Dbench.smtp.port="${SMTP_PORT:-0}" \
  -Dportail.infra.work-dir="$module/target/infra" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  fr.portailfamilles.notification.bench.MailThroughputBenchmark
