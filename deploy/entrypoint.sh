#!/bin/sh
# Runs one Haven app from the image: `haven <app> [args...]`, e.g. `haven protection`.
set -eu

app="${1:-}"
if [ -z "$app" ]; then
  echo "usage: haven <app> [args...]; apps in this image: $(ls dist/apps 2>/dev/null | tr '\n' ' ')" >&2
  exit 64
fi
shift

main="dist/apps/$app/main.js"
if [ ! -f "$main" ]; then
  echo "haven: no app '$app' in this image ($main is missing)" >&2
  exit 64
fi
exec node "$main" "$@"
