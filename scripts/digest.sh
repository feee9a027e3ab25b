#!/usr/bin/env bash
# Rewrites every digest (the blocks between "<!-- digest KIND RUN-FOLDER -->" and
# "<!-- end of digest -->") from the run each one names, relative to the file, so the documents quote
# only numbers a run generated. KIND is verdict ("which model?"), reference (every result) or scale
# (the largest N and what it costs).
#   scripts/digest.sh              # README.md, docs/*.md and results/*/README.md
#   scripts/digest.sh FILE.md ...
set -euo pipefail
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    echo "usage: scripts/digest.sh [FILE.md ...]" >&2
    exit 2
fi
source "$(dirname "$0")/lib.sh"
if [ $# -eq 0 ]; then
    set -- $(grep -l -- '<!-- digest ' "$FETCHBENCH_ROOT/README.md" "$FETCHBENCH_ROOT"/docs/*.md \
        "$FETCHBENCH_ROOT"/results/*/README.md 2>/dev/null)
fi
for file in "$@"; do
    run_report digest "$file"
done
