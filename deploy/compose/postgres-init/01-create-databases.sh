#!/bin/bash
# Runs once, when the PostgreSQL data volume is empty (docker-entrypoint-initdb.d).
# One database and one owning role per service, plus the database of Keycloak. The passwords come from the
# environment of the postgres container (see docker-compose.yml and .env.example); nothing is hard-coded here.
set -euo pipefail

create_database() {
  local db="$1" role="$2" password="$3"
  echo "creating role ${role} and database ${db}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v password="$password" -v db="$db" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create_database alf_survey     alf_survey     "${ALF_SURVEY_DB_PASSWORD:?}"
create_database alf_assessment alf_assessment "${ALF_ASSESSMENT_DB_PASSWORD:?}"
create_database alf_indicator  alf_indicator  "${ALF_INDICATOR_DB_PASSWORD:?}"
create_database alf_reporting  alf_reporting  "${ALF_REPORTING_DB_PASSWORD:?}"
create_database keycloak       keycloak       "${ALF_KEYCLOAK_DB_PASSWORD:?}"
