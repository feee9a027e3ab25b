package fetchbench.run;


import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;

import fetchbench.theory.Machine;
import fetchbench.workload.Shape;
import java.util.List;

/**
 * The steps of one fetchbench run, in order: the server check, the floor, the measurements, the
 * footprints. {@link Planner} makes it from the options.
 */
public final class RunPlan {

    /** The plan for these options on this machine; an OptionException names what cannot be planned. */
    public static RunPlan of(RunOptions options) throws OptionException {
        return of(options, options.taskset().map(Taskset::forkMachine).orElseGet(Machine::here));
    }

    /** The plan for these options on that machine. */
    public static RunPlan of(RunOptions options, Machine machine) throws OptionException {
        return Planner.plan(options, machine);
    }

    private final List<Step> steps;
    private final List<String> notes;

    RunPlan(List<Step> steps, List<String> notes) {
        this.steps = List.copyOf(steps);
        this.notes = List.copyOf(notes);
    }

    public List<Step> steps() {
        return steps;
    }

    /** The steps JMH runs, in order. */
    public List<Step.Jmh> jmhSteps() {
        return steps.stream().filter(Step.Jmh.class::isInstance).map(Step.Jmh.class::cast).toList();
    }

    /** The steps that measure a model of the suite. */
    public List<Measure> measures() {
        return steps.stream().filter(Measure.class::isInstance).map(Measure.class::cast).toList();
    }

    /** What the plan left out or ignored, and why; printed before the run. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Every N the run gathers, smallest first: the server check and the floor run at these (the
     * other shapes run at smaller N). Every N of the run when it gathers nothing.
     */
    public List<Integer> allN() {
        return gatherN(steps);
    }

    static List<Integer> gatherN(List<Step> steps) {
        List<Measure> all = steps.stream().filter(Measure.class::isInstance).map(Measure.class::cast).toList();
        List<Measure> gather = all.stream().filter(s -> s.shape() == Shape.gather).toList();
        List<Integer> measured = (gather.isEmpty() ? all : gather).stream().flatMap(s -> s.workloads().urls().stream())
                .toList();
        // Under load: the M·N of M callers at once; N for arrivals.
        List<Integer> underLoad = underLoad(steps).stream().flatMap(u -> u.load() == UnderLoad.Load.callers
                ? u.values().stream().map(m -> m * u.urls())
                : java.util.stream.Stream.of(u.urls())).toList();
        return java.util.stream.Stream.concat(measured.stream(), underLoad.stream()).distinct().sorted().toList();
    }

    private static List<UnderLoad> underLoad(List<Step> steps) {
        return steps.stream().filter(UnderLoad.class::isInstance).map(UnderLoad.class::cast).toList();
    }

    /** The client stacks the run measures over HTTP/2 (h2 or h2c), in order. */
    public List<ClientStack> http2Stacks() {
        return measures().stream().filter(m -> m.settings().protocols().stream()
                        .anyMatch(p -> p.version() == Protocol.HttpVersion.HTTP_2))
                .map(m -> m.variant().model().clientStack()).distinct().sorted().toList();
    }

    /** The most requests any step has in flight at once: its N, M·N callers, or a load at its most. */
    public int largestN() {
        int measured = measures().stream().flatMap(s -> s.workloads().urls().stream()).mapToInt(Integer::intValue)
                .max().orElse(1);
        int loaded = underLoad(steps).stream().mapToInt(UnderLoad::mostInFlight).max().orElse(1);
        return Math.max(measured, loaded);
    }

    public double predictedSeconds(int warmup, int measurement, int forks) {
        return jmhSteps().stream().mapToDouble(s -> s.predictedSeconds(warmup, measurement, s.batches().forks(forks)))
                .sum();
    }

}
