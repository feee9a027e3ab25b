#!/usr/bin/env bash
# Rewrites every digest in the README (the blocks between "<!-- digest KIND results/RUN -->" and
# "<!-- end of digest -->") from the run each one names, so the README quotes only numbers a run
# generated. KIND is reference (every result) or scale (the largest N and what it costs).
#   scripts/digest.sh              # the top-level README.md
#   scripts/digest.sh other.md
set -euo pipefail
if [ $# -gt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    echo "usage: scripts/digest.sh [README.md]" >&2
    exit 2
fi
source "$(dirname "$0")/lib.sh"
run_report digest "${1:-$FETCHBENCH_ROOT/README.md}"
