package fetchbench.run;

import fetchbench.bench.ResourceProfiler;
import fetchbench.result.LatencyLog;
import java.util.Map;
import fetchbench.server.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the JMH steps of a plan, each as one JMH run with the run's fork arguments and its own. */
public final class JmhRunner {

    private final RunOptions options;
    private final List<String> forkArgs;
    private final int warmup;
    private final int measurement;
    private final int forks;
    private final Optional<Integer> userForks;
    /**
     * The classes the forks load, archived by the first fork and mapped by the others (the JDK's
     * AppCDS): each of a run's hundreds of forks then starts a fraction of a second sooner. It only
     * changes how classes load, not the code that is measured; a temporary file, gone when the run is.
     * Only from jars (the benchmarks jar): the JDK cannot archive classes from a folder (the tests' classpath).
     */
    private final Optional<Path> classArchive;
    /** Where the run pins its forks ({@link Taskset}): the script JMH starts each fork with. */
    private final Optional<Path> forkLauncher;

    /** Where the load benchmark's forks write their latency logs; empty where nothing runs (the plan). */
    private final Optional<Path> latencyLogs;

    /** @param forkArgs what every fork gets: the server, the facts the report needs */
    public JmhRunner(RunOptions options, List<String> forkArgs) {
        this(options, forkArgs, Optional.empty());
    }

    /** @param latencyLogs the run folder's folder of latency logs */
    public JmhRunner(RunOptions options, List<String> forkArgs, Optional<Path> latencyLogs) {
        this.options = options;
        this.latencyLogs = latencyLogs;
        this.forkArgs = List.copyOf(forkArgs);
        this.warmup = options.jmh().getWarmupIterations().orElse(options.profile().warmupIterations());
        this.measurement = options.jmh().getMeasurementIterations()
                .orElse(options.profile().measurementIterations());
        this.forks = options.profile().forks();
        this.userForks = options.jmh().getForkCount().hasValue() ? Optional.of(options.jmh().getForkCount().get())
                : Optional.empty();
        boolean onlyJars = Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)));
        this.classArchive = onlyJars ? Optional.of(temporaryArchive()) : Optional.empty();
        this.forkLauncher = options.taskset().map(t -> t.forkLauncher(Path.of(System.getProperty("java.home"), "bin", "java")));
    }

    private static Path temporaryArchive() {
        try {
            Path folder = Files.createTempDirectory("fetchbench-classes");
            folder.toFile().deleteOnExit();
            Path archive = folder.resolve("forks.jsa");
            archive.toFile().deleteOnExit();
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the forks' class archive", e);
        }
    }

    /**
     * The plan's JMH steps that the benchmark patterns on the command line (none: all) pick, with
     * the unloaded gathers that picked loads predict their rates from.
     */
    public List<Step.Jmh> selected(RunPlan plan) {
        List<Step.Jmh> picked = plan.jmhSteps().stream().filter(step -> options.picks(step.benchmarkName())).toList();
        List<Map<String, List<String>>> needed = picked.stream().filter(UnderLoad.class::isInstance)
                .map(UnderLoad.class::cast).filter(u -> u.rates() != UnderLoad.Rates.given)
                .map(u -> u.gather().params()).toList();
        return plan.jmhSteps().stream().filter(step -> picked.contains(step)
                || step instanceof Measure m && needed.contains(m.params())).toList();
    }

    /** The run's warm-up batches, before a step's own limits. */
    public int warmup() {
        return warmup;
    }

    /** The run's measured batches, before a step's own limits. */
    public int measurement() {
        return measurement;
    }

    /** JMH forks of a step's results: the user's -f, else the step's own (headline results have more), else the profile's. */
    public int forks(Step.Jmh step) {
        return userForks.orElse(step.batches().forks(forks));
    }

    public double predictedSeconds(Step.Jmh step) {
        return step.predictedSeconds(warmup, measurement, forks(step));
    }

    /** Runs one step; JMH's own output goes to {@code log} (the run's jmh.log), not the console. */
    public Collection<RunResult> run(Step.Jmh step, PrintStream log) throws RunnerException {
        List<String> args = new ArrayList<>(ServerProcess.FIXED_HEAP);
        args.addAll(forkArgs);
        if (classArchive.isPresent()) {
            args.add("-XX:SharedArchiveFile=" + classArchive.get());
            args.add("-XX:+AutoCreateSharedArchive");
        }
        step.forkProperties().forEach((key, value) -> args.add("-D" + key + "=" + value));
        if (step instanceof UnderLoad load && load.load() == UnderLoad.Load.rate) {
            latencyLogs.ifPresent(folder -> args.add("-D" + LatencyLog.FOLDER_PROPERTY + "=" + folder));
        }
        Measure measure = step instanceof UnderLoad load ? load.gather()
                : step instanceof Measure m ? m : null;
        if (measure != null) {
            args.addAll(measure.variant().model().jvmOptions());
            if (measure.machine().told()) {
                args.add("-XX:ActiveProcessorCount=" + measure.machine().cores());
            }
        }
        if (step instanceof Step.Footprint footprint) {
            args.add("-XX:NativeMemoryTracking=summary");
            args.addAll(footprint.variant().model().jvmOptions());
        }
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .parent(options.jmh())
                .jvmArgsAppend(args.toArray(String[]::new))
                .shouldFailOnError(true)
                .warmupIterations(step.batches().warmup(warmup))
                .measurementIterations(step.batches().measurement(measurement))
                .forks(forks(step));
        forkLauncher.ifPresent(launcher -> jmh.jvm(launcher.toString()));
        // Resource metrics and allocation per batch in every run; JMH adds the user's -prof choices.
        jmh.addProfiler(ResourceProfiler.class);
        if (options.jmh().getProfilers().stream().map(ProfilerConfig::getKlass)
                .noneMatch(p -> p.equals("gc") || p.equals(GCProfiler.class.getName()))) {
            jmh.addProfiler(GCProfiler.class);
        }
        if (!options.jmh().getJvmArgs().hasValue()) {
            jmh.jvmArgs(); // not the launcher's own arguments, which JMH would pass on by default
        }
        // The user's own patterns come with the parent: every other benchmark is excluded, so a step
        // runs its benchmark alone however many shapes the command line named.
        jmh.include("^" + Pattern.quote(step.benchmarkName()) + "$");
        jmh.exclude("^(?!" + Pattern.quote(step.benchmarkName()) + "$)");
        step.params().forEach((param, values) -> jmh.param(param, values.toArray(String[]::new)));
        return new Runner(jmh.build(), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
    }

    /**
     * The floor first (the server is warm by then: {@link fetchbench.probe.ServerWarmUp}), the rest
     * in an order drawn from {@code seed}, and last the loads whose rates the results before them predict.
     */
    public static List<Step.Jmh> shuffled(List<Step.Jmh> steps, long seed) {
        List<Step.Jmh> floors = steps.stream().filter(Step.Floor.class::isInstance).toList();
        List<Step.Jmh> rest = new ArrayList<>(steps.stream().filter(s -> !(s instanceof Step.Floor)).toList());
        Collections.shuffle(rest, new Random(seed));
        List<Step.Jmh> order = new ArrayList<>(floors);
        order.addAll(rest.stream().filter(s -> !predicted(s)).toList());
        // The grid before the overload: its backlog left behind must not be the grid's start.
        order.addAll(rest.stream().filter(JmhRunner::predicted)
                .sorted(java.util.Comparator.comparing(s -> ((UnderLoad) s).rates())).toList());
        return order;
    }

    private static boolean predicted(Step.Jmh step) {
        return step instanceof UnderLoad load && load.rates() != UnderLoad.Rates.given;
    }

    /** The run's total, for the line before the first step. */
    public String total(List<Step.Jmh> steps) {
        return String.format(Locale.ROOT, "%d JMH runs, predicted about %.0f min", steps.size(),
                Math.ceil(steps.stream().mapToDouble(this::predictedSeconds).sum() / 60));
    }
}
