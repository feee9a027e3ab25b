#!/usr/bin/env bash
# Mutation testing: PIT mutates theory/, workload/, stats/ and analysis/ and runs their unit tests
# against each mutant; fails below the threshold (benchmarks/pom.xml, fetchbench.mutationThreshold).
#   scripts/mutation.sh            the report: benchmarks/target/pit-reports/index.html
# PIT runs its tests on the JDK Maven runs on, so this points JAVA_HOME at a JDK 21+.
set -euo pipefail
if [ $# -gt 0 ]; then
    echo "usage: scripts/mutation.sh  (no options; the threshold: -Dfetchbench.mutationThreshold in benchmarks/pom.xml)" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
source scripts/lib.sh
java=$(find_java)
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
export JAVA_HOME
log=benchmarks/target/mutation.log
mkdir -p benchmarks/target
# In the background so that a stop (Ctrl-C, CI's timeout) stops Maven and PIT with this script.
./mvnw -B -ntp -Pmutation -pl benchmarks test-compile org.pitest:pitest-maven:mutationCoverage >"$log" 2>&1 &
maven=$!
trap 'kill "$maven" 2>/dev/null; exit 143' INT TERM
status=0
wait "$maven" || status=$?
trap - INT TERM
# PIT's own summary: mutants made and killed, the score and the timings.
grep -E '^> Total|^>> (Line Coverage|Generated [0-9]+ mutations|Mutations with no coverage)' "$log" || true
grep -E '^\[ERROR\].*(threshold|BUILD|Failed)' "$log" | head -3 || true
if [ "$status" -ne 0 ]; then
    echo "mutation testing failed (exit $status); the whole log: $log" >&2
    exit "$status"
fi
echo "mutation report: benchmarks/target/pit-reports/index.html"
