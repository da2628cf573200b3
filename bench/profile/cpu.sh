#!/usr/bin/env bash
# CPU time (user + system, in clock ticks) of every process of the local run; PostgreSQL summed over its processes.
run="$(cd "$(dirname "$0")/../.." && pwd)/.local/run"
for c in survey-service assessment-service indicator-service reporting-service kafka keycloak; do
  echo "$c $(awk '{print $14+$15}' "/proc/$(cat "$run/$c.pid")/stat")"
done
pg=0
for p in $(pgrep -f "postgres"); do t=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null); pg=$((pg + ${t:-0})); done
echo "postgres $pg"
