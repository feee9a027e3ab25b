package fetchbench.run;

import fetchbench.stats.Margin;

import fetchbench.model.Protocol;
import fetchbench.result.Param;
import fetchbench.server.ServerSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Reads each option of a launch once, refusing a bad value in one line, and records what was
 * given as the {@code -Dfetchbench.*} options of the Maven command that repeats the run.
 */
final class OptionReader {

    private final Properties properties;
    private final List<String> given = new ArrayList<>();

    OptionReader(Properties properties) {
        this.properties = properties;
    }

    /** What was given, in the order the reproducing command lists it. */
    List<String> given() {
        return given;
    }

    /** The option's value, or null when it is absent or blank. */
    String text(RunOption option) {
        return text(option.name());
    }

    private String text(String name) {
        String value = properties.getProperty(Param.PREFIX + name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void record(String name, String value) {
        given.add("-D" + Param.PREFIX + name + "=" + value);
    }

    /** JMH's own options from the command line, refused in JMH's words where JMH refuses them. */
    static CommandLineOptions jmh(List<String> args) throws OptionException {
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new OptionException("bad command line: " + e.getMessage()
                    + "; allowed: JMH's options (java -jar benchmarks/target/benchmarks.jar -h lists them)");
        }
        if (jmh.getForkCount().hasValue() && jmh.getForkCount().get() < 1) {
            throw new OptionException("bad value '" + jmh.getForkCount().get() + "' for -f (JMH forks); allowed: "
                    + "1 or more (each benchmark needs a fork JVM that knows the server)");
        }
        return jmh;
    }

    Profile profile() throws OptionException {
        String name = text(RunOption.profile);
        if (name == null) {
            return Profile.DEFAULT;
        }
        Profile profile = RunOptions.constant(Profile.values(), name,
                "unknown profile '" + name + "' (option " + RunOption.profile.property() + ")");
        record(RunOption.profile.name(), name);
        return profile;
    }

    /** The parameters given with -p (which win) or as properties, each value checked; unknown -p names refused. */
    Map<Param, List<String>> params(CommandLineOptions jmh, List<String> args) throws OptionException {
        Map<Param, List<String>> params = new LinkedHashMap<>();
        for (Param param : Param.values()) {
            var fromArgs = jmh.getParameter(param.key);
            String fromProperty = text(param.key);
            List<String> values = fromArgs.hasValue() ? List.copyOf(fromArgs.get()) : fromProperty == null ? null
                    : Arrays.stream(fromProperty.split(",")).map(String::strip).toList();
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!param.accepts(value)) {
                    throw new OptionException(param.refusal(value));
                }
            }
            params.put(param, values);
            if (!fromArgs.hasValue()) {
                record(param.key, String.join(",", values));
            }
        }
        List<String> names = Arrays.stream(Param.values()).map(p -> p.key).toList();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-p")) {
                RunOption.refuseUnknown(args.get(i + 1).split("=", 2)[0], "-p ", names);
            }
        }
        return params;
    }

    /** A server elsewhere, or null; its scheme decides the protocols (https: the TLS ones). */
    URI target(Map<Param, List<String>> params) throws OptionException {
        String text = text(RunOption.target);
        if (text == null) {
            return null;
        }
        URI target = RunOptions.parseTarget(text, RunOption.target.property());
        record(RunOption.target.name(), text);
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
        return target;
    }

    /** The seed of the steps' order: given, or drawn for this run. */
    long order() throws OptionException {
        String text = text(RunOption.order);
        if (text == null) {
            return new Random().nextLong();
        }
        try {
            long order = Long.parseLong(text);
            record(RunOption.order.name(), text);
            return order;
        } catch (NumberFormatException e) {
            throw new OptionException("bad value '" + text + "' for " + RunOption.order.property() + "; allowed: an "
                    + "integer (the seed of the order the steps run in)");
        }
    }

    int maxConcurrentStreams() throws OptionException {
        String text = text(RunOption.maxConcurrentStreams);
        if (text == null) {
            return ServerSettings.DEFAULT_MAX_CONCURRENT_STREAMS;
        }
        String problem = "bad value '" + text + "' for " + RunOption.maxConcurrentStreams.property() + "; allowed: an "
                + "integer from 1 to " + RunOptions.MAX_STREAMS + " (the local server's HTTP/2 stream limit)";
        int streams;
        try {
            streams = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new OptionException(problem);
        }
        if (streams < 1 || streams > RunOptions.MAX_STREAMS) {
            throw new OptionException(problem);
        }
        record(RunOption.maxConcurrentStreams.name(), text);
        return streams;
    }

    /** The CPUs of the server and of the forks, or null where the run does not pin them. */
    Taskset taskset(URI target) throws OptionException {
        String text = text(RunOption.taskset);
        if (text == null) {
            return null;
        }
        Taskset taskset = Taskset.parse(text, Taskset.usableCpus());
        if (!Taskset.installed()) {
            throw new OptionException(RunOption.taskset.property() + " needs the taskset command (util-linux), "
                    + "which is not on the PATH");
        }
        if (target != null) {
            throw new OptionException(RunOption.taskset.property() + " pins the local server, and "
                    + RunOption.target.property() + " means there is none: give one of them");
        }
        record(RunOption.taskset.name(), text);
        return taskset;
    }

    /** The equivalence margin, checked here so that a bad one stops the run before anything starts. */
    void margin() throws OptionException {
        String text = text(RunOption.margin);
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            Margin.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OptionException("bad value '" + text + "' for " + RunOption.margin.property() + "; allowed: "
                    + "a share from 0.001 to 0.5, e.g. 0.03 or 3%");
        }
        record(RunOption.margin.name(), text);
    }

    /** The p99 bound of a load run, or null for the report's own. */
    Double p99Ms() throws OptionException {
        String text = text(RunOption.p99Ms);
        if (text == null) {
            return null;
        }
        double p99Ms;
        try {
            p99Ms = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            p99Ms = Double.NaN;
        }
        if (!(p99Ms > 0) || Double.isInfinite(p99Ms)) {
            throw new OptionException("bad value '" + text + "' for " + RunOption.p99Ms.property() + "; allowed: a "
                    + "number of milliseconds > 0 (the p99 bound of a load run)");
        }
        record(RunOption.p99Ms.name(), text);
        return p99Ms;
    }

    /** The settings to sweep, or null for a normal run. */
    Sweep sweep() throws OptionException {
        String text = text(RunOption.sweep);
        if (text == null) {
            return null;
        }
        Sweep sweep = Sweep.parse(text, RunOption.sweep.property());
        record(RunOption.sweep.name(), text);
        return sweep;
    }

    /** The JMH arguments left after the launcher's own, as the Maven command gives them. */
    void recordArgs(List<String> args) {
        if (!args.isEmpty()) {
            given.add("-D" + RunOption.args.property() + "=\"" + String.join(" ", args) + "\"");
        }
    }
}
