#!/usr/bin/env bash
# The browser suite (docs/development.md, "The browser suite"): starts the application from its jar on a fresh
# PostgreSQL database and drives Camunda Tasklist and the audit page in headless Chromium with
# playwright-core. Screenshots of each step go to e2e/screenshots/, the application's log and mails
# to e2e/out/.
#
# Needs: Java 17, Node.js 20+, the test classes (the AWS sandbox, target/test-classes), Debian's chromium (/usr/bin/chromium, or set CHROMIUM), a PostgreSQL
# server (E2E_POSTGRES_HOST/PORT/USER, default 127.0.0.1:5432 postgres with trust authentication).
# Uses target/*.jar when it is there (./mvnw verify builds it), else builds it.
set -euo pipefail
cd "$(dirname "$0")"
E2E="$(pwd)"
ROOT="$(cd .. && pwd)"
source "$ROOT/scripts/app.sh"
PORT="${E2E_PORT:-18290}"
PGHOST="${E2E_POSTGRES_HOST:-127.0.0.1}"
PGPORT="${E2E_POSTGRES_PORT:-5432}"
PGUSER="${E2E_POSTGRES_USER:-postgres}"
SANDBOX_PORT="${E2E_SANDBOX_PORT:-18291}"
export PGHOST PGPORT PGUSER
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

[ -x "$CHROMIUM" ] || { echo "No Chromium at $CHROMIUM: install Debian's chromium package (apt-get install chromium) or set CHROMIUM" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 or later is needed" >&2; exit 1; }

if [ -z "$(app_jar "$ROOT")" ] || [ ! -f "$ROOT/target/test-classes/com/ingrammicro/masterpayer/support/IamSandbox.class" ]; then
  echo "Building the application jar and the test classes (the IAM/STS sandbox; TestSigning signs the CTA)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi
JAR="$(app_jar "$ROOT")"

[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

DB="$(fresh_database e2e "$ROOT")"

rm -rf out screenshots
mkdir -p out/mail screenshots
# The AWS sandbox of the test code (not AWS: FakeAws, seeding each payer account on first use), so
# that the access removal is automated and its plan reaches sales' Tasklist for approval.
java -cp "$ROOT/target/test-classes" com.ingrammicro.masterpayer.support.IamSandbox "$SANDBOX_PORT" \
  > out/sandbox.log 2>&1 &
SANDBOX=$!
# The local profile brings the demo users; reviews fall due after 60 s, so the suite sees a task
# go overdue, its reminder (after 30 s) and its escalation.
AWS_ACCESS_KEY_ID=AKIAENGINEFAKE000001 AWS_SECRET_ACCESS_KEY=engine-secret-key-for-tests-only AWS_REGION=us-east-1 \
java -Xmx512m -jar "$JAR" --server.port="$PORT" --spring.profiles.active=local,postgres,iam-sandbox \
  --offboarding.cleanup.sts-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
  --offboarding.cleanup.iam-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
  --offboarding.cleanup.cloudformation-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
  --offboarding.cleanup.s3-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --offboarding.mail.drop-folder="$E2E/out/mail" --offboarding.mail.public-base-url="http://localhost:$PORT" \
  --offboarding.sla.tasks.review-request.due=PT60S --offboarding.sla.tasks.review-request.reminder=PT30S \
  > out/app.log 2>&1 &
APP=$!
stop() {
  kill "$APP" "$SANDBOX" 2>/dev/null || true
  wait "$APP" "$SANDBOX" 2>/dev/null || true
}
trap stop EXIT

echo "Starting the application on port $PORT (database $DB)"
await_app application "$PORT" "$APP" out/app.log

status=0
# The reseller's signatures: cta/SignForBrowserSuite from the test classes, run from the jar
E2E_SIGN_JAR="$JAR" E2E_TEST_CLASSES="$ROOT/target/test-classes" \
E2E_BASE_URL="http://localhost:$PORT" E2E_MAIL_DIR="$E2E/out/mail" E2E_SCREENSHOTS="$E2E/screenshots" CHROMIUM="$CHROMIUM" \
  node --test --test-concurrency=1 --test-reporter=spec tests/ || status=$?
echo "Screenshots: $(ls screenshots | wc -l) in $E2E/screenshots"
if [ "$status" -ne 0 ]; then
  echo "The browser suite failed; the application's log is e2e/out/app.log" >&2
  grep -E "ERROR|Exception" out/app.log | tail -n 20 >&2 || true
fi
exit "$status"
