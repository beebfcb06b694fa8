# Sourced by e2e/run.sh and scripts/cluster-test.sh: what both need to run the application's jar on
# the local PostgreSQL. PGHOST, PGPORT and PGUSER must be exported.

# The jar ./mvnw verify built in the checkout $1, or nothing.
app_jar() {
  ls "$1"/target/master-payer-offboarding-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true
}

# Drops and creates the database "<$1>_<hash of the checkout $2>" (one per checkout, like the
# integration tests' TestPostgres) and prints its name.
fresh_database() {
  local db
  db="$1_$(printf %s "$2" | md5sum | cut -c1-8)"
  psql -qtA -d postgres -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
  echo "$db"
}

# Waits until the node $1 on port $2 (process $3, log $4) is ready; fails with its log if it dies or
# is not ready within 5 minutes.
await_app() {
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness"; then
      echo "$1 is up on port $2 (pid $3)"
      return 0
    fi
    kill -0 "$3" 2>/dev/null || break
    sleep 1
  done
  echo "FAIL: $1 did not start; its log:" >&2
  tail -n 40 "$4" >&2
  return 1
}
