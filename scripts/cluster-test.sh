#!/usr/bin/env bash
# Two application nodes on one PostgreSQL database; one of them is killed (SIGKILL) in the middle of
# the automated access removal, and every journey must still complete on the other, with no IAM
# change made twice to a different effect and no mail lost. Prints PASS or FAIL; exits non-zero on FAIL.
#
#   ./mvnw verify                      # builds target/*.jar and the IAM/STS sandbox (src/bench/java,
#                                      # compiled with the tests into target/test-classes)
#   scripts/cluster-test.sh [JOURNEYS] # default 8
#
# Environment: CLUSTER_PORTS (18081 18082), CLUSTER_SANDBOX_PORT (18566), CLUSTER_IAM_DELAY_MS (150:
# each IAM call of the sandbox answers that late, so a removal takes seconds and the kill lands in
# one), CLUSTER_LOCK_MS (20000: how long a dead node's jobs stay locked), PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/app.sh

JOURNEYS="${1:-8}"
read -r PORT_A PORT_B <<< "${CLUSTER_PORTS:-18081 18082}"
SANDBOX_PORT="${CLUSTER_SANDBOX_PORT:-18566}"
IAM_DELAY_MS="${CLUSTER_IAM_DELAY_MS:-150}"
LOCK_MS="${CLUSTER_LOCK_MS:-20000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JAR="$(app_jar .)"
if [[ -z "$JAR" || ! -d target/test-classes ]]; then
  echo "FAIL: build first (./mvnw verify): no target/*.jar or target/test-classes" >&2
  exit 2
fi

WORK="$(mktemp -d -t offboarding-cluster.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ "${KEEP_CLUSTER_WORK:-}" == "" ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
START=$(date +%s)

DB="$(fresh_database offboarding_cluster "$(pwd)")"
echo "database $DB (fresh), work folder $WORK"

# The IAM/STS sandbox: the test server FakeAws on loopback, seeding each payer account on first use.
java -cp target/test-classes com.ingrammicro.masterpayer.support.IamSandbox "$SANDBOX_PORT" "$IAM_DELAY_MS" \
  > "$WORK/sandbox.log" 2>&1 &
PIDS+=($!)

start_node() { # name port
  AWS_ACCESS_KEY_ID=AKIAENGINEFAKE000001 AWS_SECRET_ACCESS_KEY=engine-secret-key-for-tests-only AWS_REGION=us-east-1 \
  java -Xmx384m -jar "$JAR" \
    --spring.profiles.active=local,postgres,iam-sandbox \
    --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
    --offboarding.cleanup.sts-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
    --offboarding.cleanup.iam-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
    --offboarding.cleanup.cloudformation-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
    --offboarding.cleanup.s3-endpoint="http://127.0.0.1:$SANDBOX_PORT" \
    --offboarding.mail.drop-folder="$WORK/mail" \
    --offboarding.node-name="$1" \
    --offboarding.security.issuer=http://localhost:8080 \
    --spring.datasource.hikari.maximum-pool-size=10 \
    --camunda.bpm.job-execution.lock-time-in-millis="$LOCK_MS" \
    --camunda.bpm.job-execution.wait-time-in-millis=500 \
    --camunda.bpm.job-execution.max-wait=1000 \
    > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  LAST_PID=$!
}

# Node A first: it creates the schema (Camunda's tables, Flyway's migrations) and deploys the process;
# node B then finds both in place and deploys nothing (deploy-changed-only).
start_node node-a "$PORT_A"; PID_A=$LAST_PID
await_app node-a "$PORT_A" "$PID_A" "$WORK/node-a.log"
start_node node-b "$PORT_B"; PID_B=$LAST_PID
await_app node-b "$PORT_B" "$PID_B" "$WORK/node-b.log"

set +e
python3 scripts/cluster_driver.py --journeys "$JOURNEYS" --database "$DB" --mail "$WORK/mail" \
  --node "node-a=http://127.0.0.1:$PORT_A=$PID_A" --node "node-b=http://127.0.0.1:$PORT_B=$PID_B" \
  --victim node-a --lock-ms "$LOCK_MS"
RESULT=$?
set -e
echo "cluster test took $(( $(date +%s) - START )) s"
if [[ $RESULT -ne 0 ]]; then
  echo "--- node-b log (last 30 lines)"; tail -n 30 "$WORK/node-b.log"
fi
exit $RESULT
