#!/usr/bin/env bash
# Lints bpmn/*.bpmn with the project's .bpmnlintrc (the file Camunda Modeler reads) and fails on any finding,
# errors, warnings and infos alike, so the models stay at zero problems.
set -euo pipefail

lint_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(cd "$lint_dir/../.." && pwd)"

cd "$lint_dir"
npm ci --no-audit --no-fund --loglevel=error

shopt -s nullglob
models=("$root_dir"/bpmn/*.bpmn)
if (( ${#models[@]} == 0 )); then
  echo "No BPMN models found in $root_dir/bpmn" >&2
  exit 1
fi

# --max-warnings=0 fails on warnings, but an info (e.g. camunda-compat/history-time-to-live) still exits 0,
# so any non-blank report counts as a failure too.
set +e
report="$("$lint_dir/node_modules/.bin/bpmnlint" --max-warnings=0 --config "$root_dir/.bpmnlintrc" "${models[@]}" 2>&1)"
status=$?
set -e

if (( status != 0 )) || [[ -n "${report//[[:space:]]/}" ]]; then
  printf '%s\n' "$report"
  echo "bpmnlint found problems in the models" >&2
  exit 1
fi
echo "bpmnlint: ${#models[@]} model(s), no problems"
