#!/usr/bin/env bash
# Sweeps each model's concurrency setting for your workload and recommends a value; the sweep is
# a normal run folder under results/ (or --results DIR). scripts/tune.sh --help says how.
#   scripts/tune.sh --urls 200 --delay lognormal:80
set -euo pipefail
source "$(dirname "$0")/lib.sh"
java=$(find_java) || exit 1
ensure_jar || exit 1
exec "$java" "${QUIET_JVM_OPTIONS[@]}" -Djava.awt.headless=true "-Dfetchbench.results=$FETCHBENCH_ROOT/results" \
    ${FETCHBENCH_MARGIN:+"-Dfetchbench.margin=$FETCHBENCH_MARGIN"} \
    -cp "$FETCHBENCH_CP" fetchbench.Tune "$@"
