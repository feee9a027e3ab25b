#!/usr/bin/env bash
# Compares run B with run A: every result both runs have (the floors, callers and load too), each
# B ÷ A tested on the fork means (different, equivalent or inconclusive), what only one run has,
# and the A/A check for two runs of one code. --help says more.
# Writes a new folder compare-<A>-vs-<B> beside run A; the runs themselves are only read.
#   scripts/compare.sh results/2026-11-22T032031Z results/2026-11-22T033131Z
#   scripts/compare.sh --fail-on-slower results/<A> results/<B>   # exit 3 where B is slower
set -euo pipefail
USAGE="usage: scripts/compare.sh [--fail-on-slower] <run A: run-dir | jmh.json> <run B: run-dir | jmh.json>"

print_help() {
    cat <<EOF
$USAGE

Compares run B with run A. Every result of jmh.json is compared that both runs have: the same
benchmark, parameters and variant (the shapes, the bare client's floors, callers, load, forks told
another processor count). Each is read as the mean of every fork's batches of its primary score
(a time in ms, or the score's own unit, shown), and compared as B ÷ A with its 95 % interval
(Welch's t on the logarithms of the fork means). Each shared result gets one word:

  equivalent    the interval lies within the margin, [1/(1 + m), 1 + m]: no change worth the name
  different     not equivalent, and the interval excludes 1: B changed; slower when B ÷ A > 1
                for a time (< 1 for a rate)
  inconclusive  neither: the forks cannot tell (one fork gives no interval at all)

The margin m is 3 % unless FETCHBENCH_MARGIN sets another (from 0.001 to 0.5, e.g. 0.05 or 5%).
The results at one N are one family: Holm's correction keeps its chance of one false word at 5 %.

It prints a warning for each way the runs differ besides the code under test (budgets, benchmark
code, JDK and cores, machine, server check), every different result, the counts of each word and
of the results only in A or only in B, and the A/A check. It writes compare-<A>-vs-<B>/ beside
run A: index.html (the table, then the B ÷ A charts, then A and B side by side), comparison.csv.

Options:
  --fail-on-slower  exit 3 when a shared result is different and slower in B; stderr names them
  -h, --help        this help

Exit codes:
  0  compared (with --fail-on-slower: and no shared result is different and slower in B)
  1  could not compare: no JDK 21 or newer, a failed build, a file that could not be written
  2  bad input: an unknown option, not two runs, no jmh.json, no result both runs have
  3  with --fail-on-slower: a shared result is different and slower in B
EOF
}

fail_on_slower=()
runs=()
for arg in "$@"; do
    case "$arg" in
        -h | --help) print_help; exit 0 ;;
        --fail-on-slower) fail_on_slower=(--fail-on-slower) ;;
        -*) echo "unknown option '$arg'; allowed: --fail-on-slower, --help ($USAGE)" >&2; exit 2 ;;
        *) runs+=("$arg") ;;
    esac
done
if [ "${#runs[@]}" -ne 2 ]; then
    echo "$USAGE" >&2
    exit 2
fi
source "$(dirname "$0")/lib.sh"
exec_class fetchbench.report.ComparisonPage ${fail_on_slower[@]+"${fail_on_slower[@]}"} "${runs[@]}"
