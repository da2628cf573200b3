#!/usr/bin/env bash
# ALF Monitor - stops what deploy/local/run.sh started, and nothing else:
# exactly the PIDs recorded in .local/run/*.pid (and the processes of their
# sessions), services first, then Kafka, Keycloak and PostgreSQL.
set -Euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
cd "$ROOT" || exit 1

LOCAL_DIR="$ROOT/.local"
RUN_DIR="$LOCAL_DIR/run"
PG_HOME="$LOCAL_DIR/pgsql"
PG_DATA="$LOCAL_DIR/pgdata"
KC_HOME="$(ls -d "$LOCAL_DIR"/keycloak-[0-9]* 2>/dev/null | sort -V | tail -n 1)"
SERVICES=(reporting-service indicator-service assessment-service survey-service)
TIMEOUT="${ALF_STOP_TIMEOUT:-30}"

log() { printf '%s\n' "$*"; }

if [ ! -d "$RUN_DIR" ]; then
  log "Nothing to stop (no .local/run)."
  exit 0
fi
if command -v flock >/dev/null 2>&1; then
  exec 9>"$RUN_DIR/.lock"
  flock -w "${ALF_STOP_LOCK_WAIT:-20}" 9 \
    || log "WARNING: run.sh seems to be still starting (lock busy); stopping anyway"
fi

pid_file()   { echo "$RUN_DIR/$1.pid"; }
pid_of()     { local f; f="$(pid_file "$1")"; [ -s "$f" ] && tr -dc '0-9' < "$f" || true; }
cmdline_of() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true; }
marker_of() {
  case "$1" in
    postgres) echo "$PG_DATA" ;;
    kafka)    echo "$RUN_DIR/kafka/server.properties" ;;
    keycloak) echo "${KC_HOME:-/nonexistent}" ;;
    *)        echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}
# The recorded PID is ours only while its command line still has our marker.
ours() { [ -n "$2" ] && kill -0 "$2" 2>/dev/null && [[ "$(cmdline_of "$2")" == *"$(marker_of "$1")"* ]]; }
# Members of the session/process group started by run.sh (setsid: pgid == pid).
group_members() { ps -eo pid=,pgid= 2>/dev/null | awk -v g="$1" '$2 == g && $1 != g { print $1 }'; }

# Send TERM to the given components, wait, then KILL what is left.
stop_components() {
  local name pid waiting=() deadline
  for name in "$@"; do
    pid="$(pid_of "$name")"
    [ -f "$(pid_file "$name")" ] || continue
    if ours "$name" "$pid"; then
      log "stopping $name (pid $pid) ..."
      kill -TERM "$pid" 2>/dev/null || true
      waiting+=("$name:$pid")
    else
      log "$name is not running (stale pid file removed)"
      rm -f "$(pid_file "$name")"
    fi
  done
  [ "${#waiting[@]}" -gt 0 ] || return 0
  deadline=$((SECONDS + TIMEOUT))
  local entry left
  while :; do
    left=0
    for entry in "${waiting[@]}"; do
      pid="${entry#*:}"
      if kill -0 "$pid" 2>/dev/null || [ -n "$(group_members "$pid")" ]; then left=1; fi
    done
    [ "$left" = 0 ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for entry in "${waiting[@]}"; do
        name="${entry%%:*}"; pid="${entry#*:}"
        if kill -0 "$pid" 2>/dev/null || [ -n "$(group_members "$pid")" ]; then
          log "$name did not stop within ${TIMEOUT}s: sending SIGKILL"
          kill -KILL "$pid" 2>/dev/null || true
          for m in $(group_members "$pid"); do kill -KILL "$m" 2>/dev/null || true; done
        fi
      done
      sleep 1
      break
    fi
    sleep 0.3
  done
  for entry in "${waiting[@]}"; do
    name="${entry%%:*}"
    rm -f "$(pid_file "$name")"
    log "$name stopped (${SECONDS}s)"
  done
}

stop_postgres() {
  local pid; pid="$(pid_of postgres)"
  [ -f "$(pid_file postgres)" ] || return 0
  if ! ours postgres "$pid"; then
    log "postgres is not running (stale pid file removed)"
    rm -f "$(pid_file postgres)"; return 0
  fi
  log "stopping postgres (pid $pid, pg_ctl stop -m fast) ..."
  local owner=""
  if [ "$(id -u)" = 0 ]; then owner="$(stat -c %U "$PG_DATA")"; [ "$owner" = root ] && owner=""; fi
  if [ -n "$owner" ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u "$owner" -- "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t "$TIMEOUT" stop >/dev/null 2>&1 || true
    else
      setpriv --reuid="$owner" --regid="$owner" --init-groups -- "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t "$TIMEOUT" stop >/dev/null 2>&1 || true
    fi
  else
    "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t "$TIMEOUT" stop >/dev/null 2>&1 || true
  fi
  local deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.3; done
  if kill -0 "$pid" 2>/dev/null; then
    log "postgres did not stop: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for m in $(group_members "$pid"); do kill -KILL "$m" 2>/dev/null || true; done
    sleep 1
  fi
  rm -f "$(pid_file postgres)"
  log "postgres stopped (${SECONDS}s)"
}

# Services first (consumers leave their groups while Kafka is still up),
# then Kafka, then Keycloak, then PostgreSQL.
stop_components "${SERVICES[@]}"
stop_components kafka
stop_components keycloak
stop_postgres

left="$(ls "$RUN_DIR"/*.pid 2>/dev/null || true)"
if [ -n "$left" ]; then
  log "WARNING: pid files left: $left"
  exit 1
fi
log "All ALF Monitor processes are stopped (${SECONDS}s)."
