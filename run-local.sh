#!/usr/bin/env bash
# Starts ALF Monitor locally without Docker: see deploy/local/README.md
exec "$(dirname "$(readlink -f "$0")")/deploy/local/run.sh" "$@"
