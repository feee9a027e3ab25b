package fetchbench.run;

import fetchbench.workload.Delays;

import fetchbench.model.Protocol;

import fetchbench.catalog.Model;

import fetchbench.model.ConnectionPoolSize;

import fetchbench.result.Param;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What the user asked for, checked before anything starts. Benchmark parameters come from
 * {@code -p name=v1,v2} (JMH style) or {@code -Dfetchbench.name=v1,v2}; the command line wins.
 */
public final class RunOptions {

    public static final String PREFIX = Param.PREFIX;
    /** Prints the plan, with each step's batches and predicted time, and runs nothing. */
    public static final String PLAN_ONLY = "--plan";
    /** Checks what could stop the run (options, OS limits, the JMH lock) and runs nothing: Maven does this before the tests. */
    public static final String CHECK_ONLY = "--check";
    /** The largest HTTP/2 stream limit the local server takes: well past any N the suite runs at once. */
    static final int MAX_STREAMS = 100_000;

    private final Profile profile;
    private final Map<Param, List<String>> params;
    private final URI target;
    private final Path resultsRoot;
    private final CommandLineOptions jmh;
    private final boolean help;
    private final List<String> given;
    private final Sweep sweep;
    /** The command that started this run when it was not the launcher's own (scripts/tune.sh). */
    private String reproduce;
    private boolean planOnly;
    private boolean checkOnly;
    private long order;
    private boolean strict;
    private int maxConcurrentStreams;
    private Taskset taskset;

    private RunOptions(Profile profile, Map<Param, List<String>> params, URI target, Path resultsRoot,
                       CommandLineOptions jmh, boolean help, List<String> given, Sweep sweep) {
        this.sweep = sweep;
        this.profile = profile;
        this.params = params;
        this.target = target;
        this.resultsRoot = resultsRoot;
        this.jmh = jmh;
        this.help = help;
        this.given = given;
    }

    public static RunOptions parse(String[] args, Properties properties) throws OptionException {
        return parse(args, properties, null);
    }

    /**
     * The options of a launch; {@code mavenCommandLine} is the Maven command line that started it,
     * if one did (MAVEN_CMD_LINE_ARGS), whose unknown {@code -Dfetchbench.*} names Maven would drop.
     */
    public static RunOptions parse(String[] args, Properties properties, String mavenCommandLine)
            throws OptionException {
        RunOption.refuseUnknownInMaven(mavenCommandLine);
        RunOption.refuseUnknown(properties);
        OptionReader reader = new OptionReader(properties);
        List<String> allArgs = new ArrayList<>();
        String extra = reader.text(RunOption.args);
        if (extra != null) {
            allArgs.addAll(Arrays.asList(extra.split("\\s+")));
        }
        allArgs.addAll(Arrays.asList(args));
        boolean help = allArgs.contains("-h") || allArgs.contains("--help");
        boolean planOnly = allArgs.contains(PLAN_ONLY);
        boolean checkOnly = allArgs.contains(CHECK_ONLY);
        allArgs.removeIf(a -> a.equals("--help") || a.equals(PLAN_ONLY) || a.equals(CHECK_ONLY));

        CommandLineOptions jmh = OptionReader.jmh(allArgs);
        Profile profile = reader.profile();
        Map<Param, List<String>> params = reader.params(jmh, allArgs);
        URI target = reader.target(params);
        long order = reader.order();
        int streams = reader.maxConcurrentStreams();
        Taskset taskset = reader.taskset(target);
        reader.margin();
        Double p99Ms = reader.p99Ms();
        Sweep sweep = reader.sweep();
        reader.recordArgs(allArgs);
        String results = reader.text(RunOption.results);
        Path resultsRoot = Path.of(results == null ? "results" : results).toAbsolutePath().normalize();
        RunOptions options = new RunOptions(profile, params, target, resultsRoot, jmh, help, reader.given(), sweep);
        options.reproduce = reader.text(RunOption.reproduce);
        options.planOnly = planOnly;
        options.checkOnly = checkOnly;
        options.order = order;
        options.maxConcurrentStreams = streams;
        options.taskset = taskset;
        options.strict = Boolean.parseBoolean(reader.text(RunOption.strict));
        options.p99Ms = p99Ms;
        return options;
    }

    /** The constant users name {@code value} (its {@link Object#toString()}), or an error listing the allowed ones. */
    static <E extends Enum<E>> E constant(E[] constants, String value, String problem) throws OptionException {
        for (E constant : constants) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new OptionException(problem + "; allowed: " + Param.names(constants));
    }

    /** An external server's base URL, or an OptionException naming {@code option}. */
    public static URI parseTarget(String text, String option) throws OptionException {
        String problem = "bad value '" + text + "' for " + option + "; allowed: an http or https URL with host and "
                + "port, e.g. http://192.0.2.10:8080";
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() < 1
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getQuery() != null) {
                throw new OptionException(problem);
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new OptionException(problem);
        }
    }

    public Profile profile() {
        return profile;
    }

    /** Whether the user gave {@code param}; when not, the profile decides. */
    public boolean given(Param param) {
        return params.containsKey(param);
    }

    /** The values the user gave for {@code param} as text, in the order given. */
    private Optional<List<String>> text(Param param) {
        return Optional.ofNullable(params.get(param));
    }

    private Optional<List<Integer>> integers(Param param) {
        return text(param).map(values -> values.stream().map(Integer::valueOf).toList());
    }

    /** The models the user named, each once, in the order given. */
    public Optional<List<Model>> models() {
        return text(Param.MODEL).map(values -> values.stream().map(Model::valueOf).distinct().toList());
    }

    public Optional<List<Integer>> urls() {
        return integers(Param.URLS);
    }

    public Optional<List<Integer>> delayMs() {
        return integers(Param.DELAY_MS);
    }

    public Optional<List<Integer>> concurrency() {
        return integers(Param.CONCURRENCY);
    }

    public Optional<List<Integer>> maxRequests() {
        return integers(Param.MAX_REQUESTS);
    }

    public Optional<List<Delays>> delays() {
        return text(Param.DELAY_PROFILE).map(values -> values.stream().map(Delays::parse).toList());
    }

    public Optional<List<ConnectionPoolSize>> connectionPools() {
        return text(Param.CONNECTION_POOL).map(values -> values.stream().map(ConnectionPoolSize::valueOf).toList());
    }

    /** The local server's HTTP/2 stream limit. */
    public int maxConcurrentStreams() {
        return maxConcurrentStreams;
    }

    /** The CPUs the server and the forks run on, where the run pins them ({@link RunOption#taskset}). */
    public Optional<Taskset> taskset() {
        return Optional.ofNullable(taskset);
    }

    public Optional<List<Protocol>> protocols() {
        return text(Param.PROTOCOL).map(values -> values.stream().map(Protocol::valueOf).toList());
    }

    private Double p99Ms;

    /** The p99 bound of a load run (scripts/tune.sh --p99), if given; the report's own otherwise. */
    public Optional<Double> p99Ms() {
        return Optional.ofNullable(p99Ms);
    }

    /** M of the callers benchmark, if given. */
    public Optional<List<Integer>> callers() {
        return integers(Param.CALLERS);
    }

    /** How the load benchmark spaces its arrivals, if given. */
    public Optional<fetchbench.workload.Arrivals> arrivals() {
        return text(Param.ARRIVALS).map(values -> fetchbench.workload.Arrivals.valueOf(values.get(values.size() - 1)));
    }

    /** The arrival rates of the load benchmark, if given. */
    public Optional<List<Integer>> rates() {
        return integers(Param.RATE);
    }

    public Optional<List<Long>> seeds() {
        return text(Param.SEED).map(values -> values.stream().map(Long::valueOf).toList());
    }

    /** The external server, or null when fetchbench starts its own. */
    public URI target() {
        return target;
    }

    public Path resultsRoot() {
        return resultsRoot;
    }

    /** Whether the benchmark patterns on the command line (none: every benchmark) pick this JMH benchmark name. */
    public boolean picks(String benchmarkName) {
        List<String> includes = jmh.getIncludes();
        return includes.isEmpty()
                || includes.stream().anyMatch(regexp -> Pattern.compile(regexp).matcher(benchmarkName).find());
    }

    /** JMH's own options (iterations, forks, …) as given on the command line. */
    public CommandLineOptions jmh() {
        return jmh;
    }

    public boolean help() {
        return help;
    }

    /**
     * The seed of the order the measurements run in: shuffled, so that no model always runs first
     * or last against the long-lived server; given, or drawn for the run and recorded.
     */
    public long order() {
        return order;
    }

    /** {@code -Dfetchbench.strict=true}: a failed check makes the run exit non-zero (its results are kept). */
    public boolean strict() {
        return strict;
    }

    /** {@value #CHECK_ONLY}: check what could stop the run, and run nothing. */
    public boolean checkOnly() {
        return checkOnly;
    }

    /** {@value #PLAN_ONLY}: print the plan and run nothing. */
    public boolean planOnly() {
        return planOnly;
    }

    /** The settings to sweep (scripts/tune.sh), or empty for a normal run. */
    public Optional<Sweep> sweep() {
        return Optional.ofNullable(sweep);
    }

    /** The Maven command line that asks for the same run. */
    public String reproduceCommand() {
        if (reproduce != null) {
            return reproduce;
        }
        StringBuilder command = new StringBuilder("./mvnw verify");
        given.forEach(option -> command.append(' ').append(option));
        return command.toString();
    }
}
