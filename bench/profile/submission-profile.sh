#!/usr/bin/env bash
# Where a submission's time goes: starts the local run (deploy/local) with Java Flight Recorder in every service,
# measures the suite idle for 20 s, sends N complete questionnaires from C clients, waits until the pipeline is idle
# again, and prints the CPU each process spent per submission, then what each service's Java code spent it on
# (JFR execution samples: the library the sample is in, and the project's method it was called from).
# Usage: bench/profile/submission-profile.sh [N=300] [C=8]; stops the local run at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-300}"; c="${2:-8}"
out="$root/bench/target/profile"; mkdir -p "$out"
jfr='-XX:StartFlightRecording=settings=profile'
ALF_SERVICE_HEAP="-Xmx256m $jfr" ALF_ASSESSMENT_HEAP="-Xmx512m $jfr" "$root/run-local.sh" > "$out/run-local.log" 2>&1
trap '"$root/stop-local.sh" > /dev/null 2>&1 || true' EXIT
sleep 20   # demo data and start-up work settle

ticks() { paste "$1" "$2" | awk -v d="$3" '{printf "%-20s %6.1f CPU s  %6.1f CPU ms per %s\n", $1, ($4-$2)/100, ($4-$2)*10/d, "'"$4"'"}'; }
"$here/cpu.sh" > "$out/idle-0.txt"; sleep 20; "$here/cpu.sh" > "$out/idle-1.txt"
echo "Idle, 20 s:"; ticks "$out/idle-0.txt" "$out/idle-1.txt" 20 second

python3 "$here/load.py" "$n" "01-PROFILE-$(date +%s)-" "$c" | while read -r line; do
  [ "$line" = START ] && "$here/cpu.sh" > "$out/load-0.txt" || echo "$line"
done
# idle again when the services together spend under 0.2 CPU s per 3 s
for _ in $(seq 1 100); do
  "$here/cpu.sh" > "$out/a.txt"; sleep 3; "$here/cpu.sh" > "$out/b.txt"
  busy=$(paste "$out/a.txt" "$out/b.txt" | awk '$1 ~ /service/ {s += $4 - $2} END {print s}')
  [ "$busy" -lt 20 ] && break
done
echo "Load, $n submissions, until idle again (idle CPU included):"; ticks "$out/load-0.txt" "$out/b.txt" "$n" submission

jcmd="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
for s in survey-service assessment-service indicator-service reporting-service; do
  "$jcmd" "$(cat "$root/.local/run/$s.pid")" JFR.dump filename="$out/$s.jfr" > /dev/null
done
since=$(stat -c %Y "$out/load-0.txt")
for s in survey-service assessment-service indicator-service reporting-service; do
  echo "== $s"; python3 "$here/jfr-summary.py" "$out/$s.jfr" "$since"
done
