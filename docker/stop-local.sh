#!/usr/bin/env bash
# Stops the nodes that docker/run-local.sh started (pid files in target/cluster/, or --dir DIR):
# SIGTERM, then SIGKILL after 30 seconds. Only processes that still run our jar are signalled.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/target/cluster"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) RUN_DIR="$2"; shift 2 ;;
    -h|--help) echo "usage: docker/stop-local.sh [--dir DIR]"; exit 0 ;;
    *) echo "stop-local: unknown argument $1" >&2; exit 2 ;;
  esac
done

shopt -s nullglob
pidfiles=("$RUN_DIR"/node*.pid)
if [[ ${#pidfiles[@]} -eq 0 ]]; then
  echo "stop-local: no node pid files in $RUN_DIR"
  exit 0
fi

ours() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q 'thidua.*\.jar'; }

for pidfile in "${pidfiles[@]}"; do
  pid="$(cat "$pidfile")"
  node="$(basename "$pidfile" .pid)"
  if kill -0 "$pid" 2>/dev/null && ours "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid"
      echo "stop-local: $node (pid $pid) killed after 30 s"
    else
      echo "stop-local: $node (pid $pid) stopped"
    fi
  else
    echo "stop-local: $node (pid $pid) was not running"
  fi
  rm -f "$pidfile" "$RUN_DIR/$node.port"
done
