#!/usr/bin/env bash
# Stops what ./run-local.sh started: see deploy/local/README.md
exec "$(dirname "$(readlink -f "$0")")/deploy/local/stop.sh" "$@"
