package fetchbench.run;

import fetchbench.result.Param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Every {@code -Dfetchbench.name=…} the launcher reads besides the benchmark parameters
 * ({@link Param}), with its help text: one model for the launcher, its --help, the pom's
 * pass-throughs and tune.sh. A name the suite does not know is refused before anything starts,
 * naming the closest one it does.
 */
public enum RunOption {
    profile("default (which model: the gather at every N), shapes (the other shapes), protocols (TLS and "
            + "HTTP/2), cost (what each model adds at 1 ms, and on 8 processors told), smoke (every part briefly, "
            + "one fork), full (everything, N=10000 too); --plan prints how long each takes"),
    target("http://host:port of a running WireMock to use instead of starting one, or https://host:port with "
            + "truststore=PATH (and truststorePassword)"),
    truststore("the truststore of an https target"),
    truststorePassword("its password"),
    maxConcurrentStreams("the local server's HTTP/2 stream limit (default: 128, Jetty's)"),
    results("folder for results (default: results)"),
    args("extra command-line arguments, e.g. \"-p urls=100 -i 10\""),
    order("seed of the order the steps run in (default: drawn, printed, recorded)"),
    strict("true: a failed server check makes the run exit 3 (results kept, marked)"),
    sweep("MIN..MAX: instead of the profile, sweep each model's concurrency at one N (what scripts/tune.sh runs)"),
    p99Ms("the p99 bound of a load run in ms (default: the workload's own)"),
    taskset("SERVER:FORKS, e.g. 0:1: run the local server and the benchmark forks on separate CPUs with taskset; "
            + "each JVM then sizes itself for its own CPUs (docs/cost.md)"),
    margin("the equivalence margin of every comparison, a share (0.03) or a percentage (3%); from 0.001 to 0.5"),
    /** Set by the build: the Maven goals, so that {@code ./mvnw test} checks nothing for benchmarks. */
    goals(null),
    /** Set by scripts/tune.sh: the command that reproduces the run. */
    reproduce(null);

    /** Maven properties of the build itself, which a user may give to {@code ./mvnw} but the launcher never sees. */
    static final List<String> BUILD_ONLY = List.of("skip", "withoutStructured");

    private final String help;

    RunOption(String help) {
        this.help = help;
    }

    /** The property's full name, e.g. {@code fetchbench.profile}. */
    public String property() {
        return RunOptions.PREFIX + name();
    }

    /** Whether users give it (the others are set by the build or the scripts). */
    public boolean forUsers() {
        return help != null;
    }

    public String help() {
        return help;
    }

    /** Every name after {@code fetchbench.} a user may give the launcher: the parameters and the run options. */
    public static List<String> launcherNames() {
        return Stream.concat(Arrays.stream(Param.values()).map(p -> p.key),
                Arrays.stream(values()).map(RunOption::name)).toList();
    }

    /** The names a user gives the launcher through Maven: those the pom passes on. */
    public static List<String> passedThroughMaven() {
        return Stream.concat(Arrays.stream(Param.values()).map(p -> p.key),
                Arrays.stream(values()).filter(RunOption::forUsers).map(RunOption::name)).toList();
    }

    /** Refuses any {@code fetchbench.*} property the launcher does not know, naming the closest it does. */
    static void refuseUnknown(Properties properties) throws OptionException {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(RunOptions.PREFIX)) {
                String name = key.substring(RunOptions.PREFIX.length());
                if (!launcherNames().contains(name)) {
                    refuseUnknown(name, "-D" + RunOptions.PREFIX, passedThroughMaven());
                }
            }
        }
    }

    /**
     * Refuses the {@code -Dfetchbench.*} names of the Maven command line that neither the pom nor
     * the launcher knows: Maven itself drops them without a word. {@code commandLine} is what
     * Maven's start script exports as MAVEN_CMD_LINE_ARGS.
     */
    public static void refuseUnknownInMaven(String commandLine) throws OptionException {
        if (commandLine == null) {
            return;
        }
        List<String> known = new ArrayList<>(passedThroughMaven());
        known.addAll(BUILD_ONLY);
        List<String> words = List.of(commandLine.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String property = word.equals("-D") && i + 1 < words.size() ? words.get(i + 1)
                    : word.startsWith("-D") ? word.substring(2) : "";
            if (property.startsWith(RunOptions.PREFIX)) {
                String name = property.substring(RunOptions.PREFIX.length()).split("=", 2)[0];
                refuseUnknown(name, "-D" + RunOptions.PREFIX, known);
            }
        }
    }

    /** An OptionException for {@code name} unless {@code known} has it. */
    public static void refuseUnknown(String name, String spelledWith, List<String> known) throws OptionException {
        if (!known.contains(name)) {
            throw new OptionException("unknown option '" + spelledWith + name + "'" + closest(name, known)
                    .map(c -> " (did you mean " + spelledWith + c + "?)").orElse("") + "; allowed: "
                    + String.join(", ", known));
        }
    }

    /** The known name nearest to {@code name} by edit distance, case ignored; ties to the first. */
    public static Optional<String> closest(String name, List<String> known) {
        String typed = name.toLowerCase(Locale.ROOT);
        return known.stream().min((a, b) -> Integer.compare(distance(typed, a.toLowerCase(Locale.ROOT)),
                distance(typed, b.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each one step. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
