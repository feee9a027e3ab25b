# Shared by the scripts: find a JDK 21+ and the benchmarks jar, then run a fetchbench class.
# Sourced, not run.

FETCHBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FETCHBENCH_JAR="$FETCHBENCH_ROOT/benchmarks/target/benchmarks.jar"
# The tests run the scripts on their own classes (FETCHBENCH_CLASSPATH), with no jar to build, and
# with no JDK to find besides JAVA_HOME and PATH (FETCHBENCH_JVMS, where JDKs are installed).
FETCHBENCH_CP="${FETCHBENCH_CLASSPATH:-$FETCHBENCH_JAR}"

# Prints the path of a java whose version is 21 or newer: JAVA_HOME, then PATH, then /usr/lib/jvm.
find_java() {
    local candidate version
    for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" "${FETCHBENCH_JVMS:-/usr/lib/jvm}"/*/bin/java; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "fetchbench: needs a JDK 21 or newer (looked at JAVA_HOME, PATH and /usr/lib/jvm)" >&2
    return 1
}

# Builds benchmarks.jar if it is missing or older than the sources.
ensure_jar() {
    [ -z "${FETCHBENCH_CLASSPATH:-}" ] || return 0
    if [ ! -f "$FETCHBENCH_JAR" ] || [ -n "$(find "$FETCHBENCH_ROOT/benchmarks/src/main" \
            "$FETCHBENCH_ROOT/benchmarks/src/structured" "$FETCHBENCH_ROOT/pom.xml" \
            "$FETCHBENCH_ROOT/benchmarks/pom.xml" -newer "$FETCHBENCH_JAR" -print -quit)" ]; then
        echo "building $FETCHBENCH_JAR ..." >&2
        (cd "$FETCHBENCH_ROOT" && ./mvnw -q -DskipTests -Dfetchbench.skip package) >&2
    fi
}

# What every JVM of the suite is allowed, so the JDK prints no warnings for Netty or JMH
# (ServerProcess.QUIET_JVM_OPTIONS).
QUIET_JVM_OPTIONS=(--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow)

# The java command of a main class of the jar with the given arguments, in CLASS_COMMAND;
# FETCHBENCH_MARGIN sets the equivalence margin.
class_command() {
    local java main="$1"
    shift
    java=$(find_java) || return 1
    ensure_jar || return 1
    CLASS_COMMAND=("$java" "${QUIET_JVM_OPTIONS[@]}" -Djava.awt.headless=true
        ${FETCHBENCH_MARGIN:+"-Dfetchbench.margin=$FETCHBENCH_MARGIN"} -cp "$FETCHBENCH_CP" "$main" "$@")
}

# Runs a main class of the jar with the given arguments.
run_class() {
    class_command "$@" || exit 1
    "${CLASS_COMMAND[@]}"
}

# The same in place of the script, as its last command: Ctrl-C and SIGTERM reach java itself,
# which stops cleanly, instead of a shell that would leave it running.
exec_class() {
    class_command "$@" || exit 1
    exec "${CLASS_COMMAND[@]}"
}

# Runs the report entry point with the given arguments.
run_report() {
    run_class fetchbench.report.ReportMain "$@"
}
