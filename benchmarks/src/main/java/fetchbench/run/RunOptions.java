package fetchbench.run;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.server.ServerSettings;
import fetchbench.workload.Delays;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What the user asked for, checked before anything starts. Benchmark parameters come from
 * {@code -p name=v1,v2} (JMH style) or {@code -Dfetchbench.name=v1,v2}; the command line wins.
 */
public final class RunOptions {

    public static final String PREFIX = "fetchbench.";
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
        List<String> allArgs = new ArrayList<>();
        String extra = property(properties, "args");
        if (extra != null) {
            allArgs.addAll(Arrays.asList(extra.strip().split("\\s+")));
        }
        allArgs.addAll(Arrays.asList(args));
        boolean help = allArgs.contains("-h") || allArgs.contains("--help");
        boolean planOnly = allArgs.contains(PLAN_ONLY);
        boolean checkOnly = allArgs.contains(CHECK_ONLY);
        allArgs.removeIf(a -> a.equals("--help") || a.equals(PLAN_ONLY) || a.equals(CHECK_ONLY));

        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(allArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new OptionException("bad command line: " + e.getMessage()
                    + "; allowed: JMH's options (java -jar benchmarks/target/benchmarks.jar -h lists them)");
        }

        if (jmh.getForkCount().hasValue() && jmh.getForkCount().get() < 1) {
            throw new OptionException("bad value '" + jmh.getForkCount().get() + "' for -f (JMH forks); allowed: "
                    + "1 or more (each benchmark needs a fork JVM that knows the server)");
        }
        List<String> given = new ArrayList<>();
        Map<Param, List<String>> params = new LinkedHashMap<>();
        for (Param param : Param.values()) {
            var fromArgs = jmh.getParameter(param.key);
            String fromProperty = property(properties, param.key);
            List<String> values = null;
            if (fromArgs.hasValue()) {
                values = List.copyOf(fromArgs.get());
            } else if (fromProperty != null) {
                values = Arrays.stream(fromProperty.split(",")).map(String::strip).toList();
            }
            if (values != null) {
                for (String value : values) {
                    param.check(value);
                }
                params.put(param, values);
                if (!fromArgs.hasValue()) {
                    given.add("-D" + PREFIX + param.key + "=" + String.join(",", values));
                }
            }
        }
        List<String> paramNames = Arrays.stream(Param.values()).map(p -> p.key).toList();
        for (String name : parameterNames(allArgs)) {
            RunOption.refuseUnknown(name, "-p ", paramNames);
        }

        String profileName = property(properties, "profile");
        Profile profile = profileName == null ? Profile.DEFAULT : Param.constant(Profile.values(), profileName,
                "unknown profile '" + profileName + "' (option " + PREFIX + "profile)");
        if (profileName != null) {
            given.add(0, "-D" + PREFIX + "profile=" + profileName);
        }

        String targetText = property(properties, "target");
        URI target = targetText == null ? null : parseTarget(targetText, PREFIX + "target");
        if (target != null) {
            given.add("-D" + PREFIX + "target=" + targetText);
        }

        if (target != null) {
            // A server elsewhere has one scheme: an https one speaks the TLS protocols, an http one the others.
            boolean tls = "https".equals(target.getScheme());
            List<String> allowed = Arrays.stream(Protocol.values()).filter(p -> p.tls() == tls).map(Protocol::name).toList();
            List<String> protocols = params.get(Param.PROTOCOL);
            if (protocols == null) {
                params.put(Param.PROTOCOL, List.of(allowed.get(0)));
            } else {
                for (String protocol : protocols) {
                    if (!allowed.contains(protocol)) {
                        throw new OptionException("bad value '" + protocol + "' for protocol with the " + target.getScheme()
                                + " target " + target + "; allowed: " + String.join(", ", allowed));
                    }
                }
            }
        }

        String orderText = property(properties, "order");
        long order;
        if (orderText == null) {
            order = new Random().nextLong();
        } else {
            try {
                order = Long.parseLong(orderText);
            } catch (NumberFormatException e) {
                throw new OptionException("bad value '" + orderText + "' for " + PREFIX + "order; allowed: an integer "
                        + "(the seed of the order the steps run in)");
            }
            given.add("-D" + PREFIX + "order=" + orderText);
        }

        String streamsText = property(properties, "maxConcurrentStreams");
        int streams = ServerSettings.DEFAULT_MAX_CONCURRENT_STREAMS;
        if (streamsText != null) {
            String problem = "bad value '" + streamsText + "' for " + PREFIX + "maxConcurrentStreams; allowed: an "
                    + "integer from 1 to " + MAX_STREAMS + " (the local server's HTTP/2 stream limit)";
            try {
                streams = Integer.parseInt(streamsText);
            } catch (NumberFormatException e) {
                throw new OptionException(problem);
            }
            if (streams < 1 || streams > MAX_STREAMS) {
                throw new OptionException(problem);
            }
            given.add("-D" + PREFIX + "maxConcurrentStreams=" + streamsText);
        }

        String p99Text = property(properties, "p99Ms");
        Double p99Ms = null;
        if (p99Text != null) {
            try {
                p99Ms = Double.parseDouble(p99Text);
            } catch (NumberFormatException e) {
                p99Ms = Double.NaN;
            }
            if (!(p99Ms > 0) || p99Ms.isInfinite()) {
                throw new OptionException("bad value '" + p99Text + "' for " + PREFIX + "p99Ms; allowed: a number of "
                        + "milliseconds > 0 (the p99 bound of a load run)");
            }
            given.add("-D" + PREFIX + "p99Ms=" + p99Text);
        }

        String sweepText = property(properties, "sweep");
        Sweep sweep = sweepText == null ? null : Sweep.parse(sweepText, PREFIX + "sweep");
        if (sweep != null) {
            given.add("-D" + PREFIX + "sweep=" + sweepText);
        }

        if (!allArgs.isEmpty()) {
            given.add("-D" + PREFIX + "args=\"" + String.join(" ", allArgs) + "\"");
        }
        String results = property(properties, "results");
        Path resultsRoot = Path.of(results == null ? "results" : results).toAbsolutePath().normalize();
        RunOptions options = new RunOptions(profile, params, target, resultsRoot, jmh, help, given, sweep);
        options.reproduce = property(properties, "reproduce");
        options.planOnly = planOnly;
        options.checkOnly = checkOnly;
        options.order = order;
        options.maxConcurrentStreams = streams;
        options.strict = Boolean.parseBoolean(property(properties, "strict"));
        options.p99Ms = p99Ms;
        return options;
    }

    /** Names given with {@code -p name=value}; JMH itself accepts any name. */
    private static List<String> parameterNames(List<String> args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-p")) {
                names.add(args.get(i + 1).split("=", 2)[0]);
            }
        }
        return names;
    }

    private static String property(Properties properties, String key) {
        String value = properties.getProperty(PREFIX + key);
        return value == null || value.isBlank() ? null : value.strip();
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
