package fetchbench.run;

import fetchbench.bench.ResourceProfiler;
import fetchbench.model.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/** Runs the JMH steps of a plan, each as one JMH run with the run's fork arguments and its own. */
public final class JmhRunner {

    private final RunOptions options;
    private final List<String> forkArgs;
    private final int warmup;
    private final int measurement;

    /** @param forkArgs what every fork gets: the server, the facts the report needs */
    public JmhRunner(RunOptions options, List<String> forkArgs) {
        this.options = options;
        this.forkArgs = List.copyOf(forkArgs);
        this.warmup = options.jmh().getWarmupIterations().orElse(options.profile().warmupIterations());
        this.measurement = options.jmh().getMeasurementIterations()
                .orElse(options.profile().measurementIterations());
    }

    /** The plan's JMH steps that the benchmark patterns on the command line (none: all) pick. */
    public List<Step.Jmh> selected(RunPlan plan) {
        return plan.jmhSteps().stream().filter(step -> options.picks(step.benchmarkName())).toList();
    }

    /** The run's warm-up batches, before a step's own limits. */
    public int warmup() {
        return warmup;
    }

    /** The run's measured batches, before a step's own limits. */
    public int measurement() {
        return measurement;
    }

    public double predictedSeconds(Step.Jmh step) {
        return step.predictedSeconds(warmup, measurement);
    }

    public Collection<RunResult> run(Step.Jmh step) throws RunnerException {
        List<String> args = new ArrayList<>(forkArgs);
        step.forkProperties().forEach((key, value) -> args.add("-D" + key + "=" + value));
        if (step instanceof Step.Measure measure && measure.variant().model().needsPreview()) {
            args.add(Model.ENABLE_PREVIEW);
        }
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .parent(options.jmh())
                .jvmArgsAppend(args.toArray(String[]::new))
                .shouldFailOnError(true)
                .warmupIterations(step.batches().warmup(warmup))
                .measurementIterations(step.batches().measurement(measurement))
                .forks(options.jmh().getForkCount().orElse(1));
        // Resource metrics and allocation per batch in every run; JMH adds the user's -prof choices.
        jmh.addProfiler(ResourceProfiler.class);
        if (options.jmh().getProfilers().stream().map(ProfilerConfig::getKlass)
                .noneMatch(p -> p.equals("gc") || p.equals(GCProfiler.class.getName()))) {
            jmh.addProfiler(GCProfiler.class);
        }
        if (!options.jmh().getJvmArgs().hasValue()) {
            jmh.jvmArgs(); // not the launcher's own arguments, which JMH would pass on by default
        }
        jmh.include("^" + Pattern.quote(step.benchmarkName()) + "$");
        step.params().forEach((param, values) -> jmh.param(param, values.toArray(String[]::new)));
        return new Runner(jmh.build()).run();
    }

    /** The run's total, for the line before the first step. */
    public String total(List<Step.Jmh> steps) {
        return String.format(Locale.ROOT, "%d JMH runs, predicted about %.0f min", steps.size(),
                Math.ceil(steps.stream().mapToDouble(this::predictedSeconds).sum() / 60));
    }
}
