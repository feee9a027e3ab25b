#!/usr/bin/env bash
# Compares run B with run A: a chart per benchmark and N with both runs side by side, and a table
# of B/A ratios, each tested on the fork means (equivalent, different or inconclusive), and the
# A/A check for two runs of one commit.
# Writes a new folder compare-<A>-vs-<B> beside run A; the runs themselves are only read.
#   scripts/compare.sh results/2026-11-22T032031Z results/2026-11-22T033131Z
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: scripts/compare.sh <run A: run-dir | jmh.json> <run B: run-dir | jmh.json>" >&2
    exit 2
fi
source "$(dirname "$0")/lib.sh"
run_report compare "$1" "$2"
