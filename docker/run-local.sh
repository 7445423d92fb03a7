#!/usr/bin/env bash
# Runs Thi đua without Docker, with the same environment variables as docker/compose.yaml and
# docker/compose.cluster.yaml: N nodes of the jar on one local PostgreSQL database and a local SMTP
# server. Node i listens on port BASE_PORT+i-1; logs and pid files go to target/cluster/.
# Nodes start one after the other (the next once the previous is healthy), so only the first node
# creates the schema of a new database. Stop them with docker/stop-local.sh.
#
#   docker/run-local.sh [--nodes N] [--db NAME] [--db-host HOST] [--db-port PORT] [--db-user USER]
#                       [--smtp-host HOST] [--smtp-port PORT] [--base-port PORT] [--env-file FILE]
#                       [--dir DIR] [--jar FILE] [--timeout SECONDS]
# Defaults: 1 node, database $POSTGRES_DB or thidua on 127.0.0.1:5432 as $POSTGRES_USER or postgres,
# SMTP 127.0.0.1:1025, ports from 8080, docker/.env, target/cluster/.
#
# Secrets as in compose: POSTGRES_PASSWORD, THIDUA_ADMIN_USER, THIDUA_ADMIN_PASSWORD come from the
# environment or from docker/.env (the shell wins). The admin login is required unless
# THIDUA_DEMO_ENABLED=true. Extra JVM options: JAVA_OPTS (default -Xmx1g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODES=1
DB_NAME=""
DB_HOST=127.0.0.1
DB_PORT=5432
DB_USER=""
SMTP_HOST=127.0.0.1
SMTP_PORT=1025
BASE_PORT=8080
ENV_FILE="$ROOT/docker/.env"
RUN_DIR="$ROOT/target/cluster"
JAR=""
TIMEOUT=300

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "run-local: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) NODES="$2"; shift 2 ;;
    --db) DB_NAME="$2"; shift 2 ;;
    --db-host) DB_HOST="$2"; shift 2 ;;
    --db-port) DB_PORT="$2"; shift 2 ;;
    --db-user) DB_USER="$2"; shift 2 ;;
    --smtp-host) SMTP_HOST="$2"; shift 2 ;;
    --smtp-port) SMTP_PORT="$2"; shift 2 ;;
    --base-port) BASE_PORT="$2"; shift 2 ;;
    --env-file) ENV_FILE="$2"; shift 2 ;;
    --dir) RUN_DIR="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "run-local: unknown argument $1" >&2; usage 2 ;;
  esac
done

# docker/.env as compose reads it: KEY=VALUE lines; a variable already set in the shell wins.
if [[ -f "$ENV_FILE" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[1]}"; value="${BASH_REMATCH[2]}"
    value="${value%\"}"; value="${value#\"}"; value="${value%\'}"; value="${value#\'}"
    [[ -z "${!key+x}" ]] && export "$key=$value"
  done < "$ENV_FILE"
fi

# database and user: the arguments, else POSTGRES_DB / POSTGRES_USER as in compose, else defaults
DB_NAME="${DB_NAME:-${POSTGRES_DB:-thidua}}"
DB_USER="${DB_USER:-${POSTGRES_USER:-postgres}}"
[[ "$NODES" =~ ^[1-9][0-9]*$ ]] || die "--nodes must be a positive number"
[[ "$DB_NAME" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "--db must be a plain identifier"
[[ "$BASE_PORT" =~ ^[0-9]+$ && "$SMTP_PORT" =~ ^[0-9]+$ && "$DB_PORT" =~ ^[0-9]+$ ]] || die "ports must be numbers"

DEMO="${THIDUA_DEMO_ENABLED:-false}"
if [[ "$DEMO" != "true" ]]; then
  [[ -n "${THIDUA_ADMIN_USER:-}" ]] || die "set THIDUA_ADMIN_USER (environment or docker/.env), or THIDUA_DEMO_ENABLED=true"
  [[ -n "${THIDUA_ADMIN_PASSWORD:-}" ]] || die "set THIDUA_ADMIN_PASSWORD (environment or docker/.env), or THIDUA_DEMO_ENABLED=true"
fi

command -v java >/dev/null || die "java (17+) is needed"
command -v psql >/dev/null || die "psql is needed to create the database"
command -v curl >/dev/null || die "curl is needed for the health checks"

# The jar: build it when it is missing.
if [[ -z "$JAR" ]]; then
  JAR="$(ls "$ROOT"/target/thidua-*.jar 2>/dev/null | head -n 1 || true)"
  if [[ -z "$JAR" ]]; then
    echo "run-local: no jar in target/, building it (./mvnw -B -q -DskipTests package)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
    JAR="$(ls "$ROOT"/target/thidua-*.jar | head -n 1)"
  fi
fi
[[ -f "$JAR" ]] || die "jar not found: $JAR"

# The database: created when missing (UTF-8, like the postgres:16 image).
export PGPASSWORD="${POSTGRES_PASSWORD:-}"
exists="$(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" || die "cannot reach PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER"
if [[ "$exists" != "1" ]]; then
  psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
    "CREATE DATABASE \"$DB_NAME\" ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  echo "run-local: database $DB_NAME created"
fi

mkdir -p "$RUN_DIR"
for ((i = 1; i <= NODES; i++)); do
  pidfile="$RUN_DIR/node$i.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "node $i is already running (pid $(cat "$pidfile")); stop it with docker/stop-local.sh"
  fi
done

# The environment of docker/compose.yaml, with local addresses.
export SPRING_DATASOURCE_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME"
export SPRING_DATASOURCE_USERNAME="$DB_USER"
export SPRING_DATASOURCE_PASSWORD="${POSTGRES_PASSWORD:-}"
export SPRING_MAIL_HOST="$SMTP_HOST"
export SPRING_MAIL_PORT="$SMTP_PORT"
export THIDUA_DEMO_ENABLED="$DEMO"
export THIDUA_BASE_URL="${THIDUA_BASE_URL:-http://localhost:$BASE_PORT}"
export THIDUA_SECURE_COOKIES="${THIDUA_SECURE_COOKIES:-false}"
[[ -n "${THIDUA_ADMIN_USER:-}" ]] && export THIDUA_ADMIN_USER
[[ -n "${THIDUA_ADMIN_PASSWORD:-}" ]] && export THIDUA_ADMIN_PASSWORD
read -r -a JVM_OPTS <<< "${JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}"

for ((i = 1; i <= NODES; i++)); do
  port=$((BASE_PORT + i - 1))
  log="$RUN_DIR/node$i.log"
  # java itself is the background process (no shell in between): its pid is the node's pid, and a
  # SIGKILL to it kills the node at once, like a crashed container.
  # the engine's hostname names the node in Camunda's job log (ACT_HI_JOB_LOG.HOSTNAME_), as a
  # container's hostname (app1, app2) does under compose
  SERVER_PORT="$port" nohup java "${JVM_OPTS[@]}" -Dthidua.node="node$i" \
    -Dcamunda.bpm.generic-properties.properties.hostname="$(hostname)-node$i" \
    -jar "$JAR" >"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" > "$RUN_DIR/node$i.pid"
  echo "$port" > "$RUN_DIR/node$i.port"
  echo "run-local: node $i starting on port $port (pid $pid, log $log)"

  deadline=$((SECONDS + TIMEOUT))
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2 || true
      die "node $i exited during start-up (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$log" >&2 || true
      die "node $i not healthy after ${TIMEOUT}s (log: $log); stop the nodes with docker/stop-local.sh"
    fi
    sleep 2
  done
  echo "run-local: node $i healthy: http://127.0.0.1:$port/camunda/app/tasklist/"
done
