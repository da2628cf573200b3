#!/usr/bin/env bash
# ALF Monitor - stops the local run and wipes its state: logs and pid files
# (.local/run), the PostgreSQL data (.local/pgdata), the Kafka data
# (.local/kafka-data) and Keycloak's dev database (so the realm file is imported
# again on the next start). Downloads (Kafka libs, Keycloak, PostgreSQL
# binaries) are kept; remove .local/ entirely to drop them too.
set -Eeuo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
LOCAL_DIR="$ROOT/.local"

if [ "${1:-}" != "-y" ] && [ "${1:-}" != "--yes" ] && [ -t 0 ]; then
  read -r -p "Stop ALF Monitor and delete its local databases, Kafka data and logs? [y/N] " answer
  case "$answer" in y|Y|yes|YES) ;; *) echo "Nothing deleted."; exit 0 ;; esac
fi

"$SCRIPT_DIR/stop.sh"

echo "Deleting .local/run, .local/pgdata, .local/kafka-data and Keycloak's data ..."
rm -rf "$LOCAL_DIR/run" "$LOCAL_DIR/pgdata" "$LOCAL_DIR/pgdata.tmp" "$LOCAL_DIR/kafka-data"
for kc in "$LOCAL_DIR"/keycloak-[0-9]*; do
  [ -d "$kc/data" ] && rm -rf "$kc/data"
done
echo "Clean. Downloads kept in .local/ (delete .local/ to remove them as well)."
