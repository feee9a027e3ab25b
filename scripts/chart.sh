#!/usr/bin/env bash
# Re-renders a run's charts (PNG) and index.html from its jmh.json, into the same folder, removing charts it no longer draws.
# The jmh.json is only read, so a file copied from another machine renders too.
#   scripts/chart.sh results/2026-11-22T033131Z
#   scripts/chart.sh some/where/jmh.json
set -euo pipefail
if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: scripts/chart.sh <run-dir | jmh.json>" >&2
    exit 2
fi
source "$(dirname "$0")/lib.sh"
exec_class fetchbench.report.ReportMain chart "$1"
