#!/usr/bin/env bash
# Runs the named tests COUNT times in a row beside a CPU hog on every core, and says how many
# rounds passed: the proof that a test holds on a busy machine.
#   scripts/stress-tests.sh 20 model.ShapesTest#aDeadlineKeepsWhatCompletedAndCancelsTheRest bench.OpenLoopTest
# The hog is stress-ng --cpu N where it is installed, a busy shell loop per core otherwise.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/stress-tests.sh COUNT TEST [TEST ...]  (TEST: package.Class[#method] below fetchbench)" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/test.classpath" \
    -Dfetchbench.skip -pl benchmarks >&2
source scripts/lib.sh
java=$(find_java)
cores=$(nproc)
hogs=()
cleanup() { for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
if command -v stress-ng >/dev/null; then
    stress-ng --cpu "$cores" --quiet & hogs+=($!)
else
    for _ in $(seq "$cores"); do (while :; do :; done) & hogs+=($!); done
fi
echo "[stress] $cores CPU hog(s) running beside the tests" >&2
"$java" --enable-preview -cp "benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/test.classpath)" \
    fetchbench.Repeat "$@"
