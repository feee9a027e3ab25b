package fetchbench.run;

import fetchbench.catalog.Limits;
import fetchbench.catalog.Model;
import fetchbench.catalog.Variant;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.result.Benchmarks;
import fetchbench.result.Param;
import fetchbench.run.Step.Settings;
import fetchbench.run.Step.Workloads;
import fetchbench.theory.Machine;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.math.BigDecimal;
import fetchbench.analysis.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the plan of a run: shape × variant × N × delay, the variants each shape compares being
 * {@link Profile}'s, then the small sweep, with the server check and the floor
 * around them. The user's options narrow or replace each axis; a model gets only the settings
 * that mean something to it.
 */
final class Planner {

    final RunOptions options;
    final Profile profile;
    final List<String> notes = new ArrayList<>();
    final List<Model> models;
    /** The user gave part of the workload: it then means the gather shape unless a shape is named. */
    final boolean workloadGiven;

    final Machine machine;

    private Planner(RunOptions options, Machine machine) {
        this.options = options;
        this.machine = machine;
        this.profile = options.profile();
        List<Model> chosen = options.models().orElse(List.of(Model.values()));
        chosen.forEach(model -> model.unavailableReason().ifPresent(notes::add));
        this.models = chosen.stream().filter(model -> model.unavailableReason().isEmpty()).toList();
        this.workloadGiven = Stream.of(Param.URLS, Param.DELAY_MS, Param.DELAY_PROFILE, Param.CONCURRENCY,
                Param.MAX_REQUESTS).anyMatch(options::given);
        options.concurrency().ifPresent(given -> models.stream().filter(model -> !model.hasConcurrencyKnob())
                .forEach(model -> notes.add(model + " has no concurrency setting; concurrency=" + joined(given)
                        + " does not apply to it")));
    }

    static RunPlan plan(RunOptions options, Machine machine) throws OptionException {
        return options.sweep().isPresent() ? SweepPlanner.plan(options, options.sweep().get(), machine)
                : new Planner(options, machine).plan();
    }

    private RunPlan plan() throws OptionException {
        List<Integer> urls = options.urls().orElse(profile.urls());
        int largestN = urls.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Long> seeds = options.seeds().orElse(List.of(Profile.SEED));
        List<Delays> gatherDelays = options.delays().orElse(List.of(Delays.of(Profile.DELAY_PROFILE)));
        boolean patterns = !options.jmh().getIncludes().isEmpty();
        List<Measure> candidates = new ArrayList<>();
        if (patterns || workloadGiven || profile.answers(Profile.Part.gather)) {
            candidates.addAll(measures(Shape.gather, urls, options.delayMs().orElse(List.of(profile.delayMs())), seeds,
                    largestN, true));
        }
        candidates.addAll(otherShapes(seeds, largestN, patterns));
        if (!patterns && workloadGiven) {
            notes.add("urls, delayMs, delayProfile, concurrency and maxRequests set the gather benchmark "
                    + "(GatherBenchmark); the other shapes run with them when named, e.g. DeadlineBenchmark");
        }
        if (options.given(Param.MAX_REQUESTS) && models.stream().noneMatch(Model::takesMaxRequests)) {
            notes.add("maxRequests applies to " + Words.list(Arrays.stream(Model.values()).filter(Model::takesMaxRequests)
                    .map(Model::name).toList()) + " only, which this run does not include");
        }
        if (!workloadGiven && named(Shape.gather) && options.protocols().isEmpty() && profile.answers(Profile.Part.protocols)) {
            candidates.addAll(protocols(seeds, largestN, !profile.answers(Profile.Part.gather)));
        }
        if (!workloadGiven && named(Shape.gather) && profile.answers(Profile.Part.sweep)) {
            List<Model> swept = models.stream().filter(profile.sweepModels()::contains).toList();
            candidates.addAll(SweepPlanner.sweep(swept, new Workloads(List.of(profile.sweepUrls()), List.of(profile.sweepDelayMs()),
                    List.of(Delays.of(Profile.DELAY_PROFILE)), List.of(Profile.SEED)), profile.sweep(), Batches.RUN, machine));
        }
        List<Step> steps = new ArrayList<>();
        List<Step.Jmh> loads = patterns || profile.answers(Profile.Part.load) ? new LoadPlanner(this).loads(seeds, patterns)
                : List.of();
        for (Measure candidate : candidates) {
            Optional<Measure> step = options.models().isPresent() || candidate.sweep() ? Optional.of(candidate)
                    : withinBudget(candidate);
            step.map(s -> s.sweep() || options.connectionPools().isEmpty() ? s
                            : s.with(s.settings().withConnectionPools(options.connectionPools().get())))
                    .flatMap(s -> s.sweep() || options.protocols().isEmpty() ? Optional.of(s)
                            : spoken(s, options.protocols().get()))
                    .ifPresent(steps::add);
        }
        steps.addAll(loads);
        if (profile.answers(Profile.Part.cpus) && !workloadGiven && options.models().isEmpty() && !patterns) {
            if (machine.cores() < Profile.TOLD_PROCESSORS) {
                steps.addAll(toldProcessors(steps, largestN));
            } else {
                notes.add("the cpus axis (forks told " + Profile.TOLD_PROCESSORS + " processors) is left out: this "
                        + "machine has " + machine.cores() + " already");
            }
        }
        // The profile's own settings at its own N (not the scale test's), unless the user chose others.
        if (patterns ? options.picks(Benchmarks.FOOTPRINT)
                : profile.answers(Profile.Part.footprint) && !workloadGiven && options.models().isEmpty()) {
            steps.addAll(footprints(steps));
        }
        if (profile.answers(Profile.Part.scale) && !options.given(Param.URLS)) {
            for (Variant variant : Profile.playing(Variant.Role.scale).stream().filter(v -> models.contains(v.model())).toList()) {
                for (List<Delays> delays : bySpread(gatherDelays)) {
                    steps.addAll(measure(Shape.gather, variant, new Workloads(List.of(Profile.SCALE_URLS),
                            List.of(Profile.SCALE_DELAY_MS), delays, seeds), settings(variant, Profile.SCALE_URLS)));
                }
            }
        }
        if (steps.isEmpty()) {
            throw new OptionException("nothing to run: " + String.join("; ", notes));
        }

        // A benchmark named (the load, a shape) reads its floor at its own N: every N then.
        boolean onlyGathers = steps.stream().allMatch(s -> s instanceof Step.Footprint
                || s instanceof Measure m && m.shape() == Shape.gather);
        return CalibrationSteps.around(steps, notes, onlyGathers ? profile.smallestFloorUrls() : 1,
                profile.floorsAtCaps() && !workloadGiven);
    }

    /**
     * Each gather at the run's largest N again, in forks told they have {@link Profile#TOLD_PROCESSORS}
     * processors, of the models whose card says the processors size them.
     */
    private static List<Measure> toldProcessors(List<Step> steps, int largestN) {
        return steps.stream().filter(s -> s instanceof Measure m && m.shape() == Shape.gather && !m.sweep()
                        && m.variant().model().card().sizedByProcessors()
                        && m.settings().protocols().equals(List.of(Protocol.http1)) && m.workloads().urls().contains(largestN))
                .map(Measure.class::cast)
                .map(m -> m.with(m.workloads().withUrls(List.of(largestN))).told(Profile.TOLD_PROCESSORS)).toList();
    }

    /** Each gathered variant's footprint at the largest N it gathers over HTTP/1.1 (not a sweep's settings). */
    private static List<Step.Footprint> footprints(List<Step> steps) {
        Map<Variant, Measure> largest = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step instanceof Measure m && m.shape() == Shape.gather && !m.sweep()
                    && m.settings().protocols().contains(Protocol.http1)) {
                largest.merge(m.variant(), m, (a, b) -> largestN(b) > largestN(a) ? b : a);
            }
        }
        return largest.values().stream().map(m -> new Step.Footprint(m.variant(), largestN(m),
                m.settings().concurrency().get(0), m.settings().maxRequests().get(0))).toList();
    }

    private static int largestN(Measure m) {
        return m.workloads().urls().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * The shapes other than gather, each at its own N and delay, or at the user's when named (and
     * not at all, unnamed, when the user gave a workload).
     */
    private List<Measure> otherShapes(List<Long> seeds, int largestN, boolean patterns) throws OptionException {
        List<Measure> measures = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            if (shape == Shape.gather || (patterns ? !named(shape) : workloadGiven || !profile.answers(Profile.Part.shapes))) {
                continue;
            }
            List<Integer> shapeUrls = patterns ? options.urls().orElse(List.of(profile.urls(shape)))
                    : List.of(profile.urls(shape));
            for (int n : shapeUrls) {
                if (n < shape.minimumUrls()) {
                    throw new OptionException("bad value '" + n + "' for urls with " + shape.benchmark()
                            + "; allowed: >= " + shape.minimumUrls());
                }
            }
            measures.addAll(measures(shape, shapeUrls, patterns ? options.delayMs()
                    .orElse(List.of(profile.delayMs(shape))) : List.of(profile.delayMs(shape)), seeds, largestN, patterns));
        }
        return measures;
    }

    /**
     * One step per variant the shape compares, model by model, and per delay profile. Where the
     * user gave a model's setting (with {@code given}), the model runs once, as its own-named
     * variant with those values.
     */
    private List<Measure> measures(Shape shape, List<Integer> urls, List<Integer> delayMs, List<Long> seeds,
                                   int largestN, boolean given) throws OptionException {
        List<Delays> delays = (given ? options.delays() : Optional.<List<Delays>>empty())
                .orElse(List.of(Delays.of(shape.delayProfile())));
        List<List<Delays>> delayGroups = bySpread(delays);
        Optional<List<Integer>> concurrency = given ? options.concurrency() : Optional.empty();
        Optional<List<Integer>> maxRequests = given ? options.maxRequests() : Optional.empty();
        List<Measure> measures = new ArrayList<>();
        for (Model model : models) {
            List<Variant> variants = (options.models().isPresent() ? Profile.compared(shape) : profile.comparedHere(shape))
                    .stream().filter(v -> v.model() == model).toList();
            boolean maxRequestsApply = model.takesMaxRequests();
            boolean settingGiven = (concurrency.isPresent() && model.hasConcurrencyKnob())
                    || (maxRequests.isPresent() && maxRequestsApply);
            if (settingGiven && !variants.isEmpty()) {
                variants = List.of(Variant.of(model));
            }
            for (Variant variant : variants) {
                Settings settings = settings(variant, largestN);
                if (settingGiven) {
                    settings = new Settings(concurrency.orElse(settings.concurrency()),
                            maxRequests.filter(m -> maxRequestsApply).orElse(settings.maxRequests()),
                            settings.connectionPools());
                }
                if (shape == Shape.workers && model.card().workers(new Limits(model, Profile.WORKER_COUNT, 0)) > 1) {
                    // The workers shape's concurrency is its k workers, a loop's is one.
                    List<Integer> workers = concurrency.orElse(List.of(Profile.WORKER_COUNT));
                    if (workers.contains(0)) {
                        throw new OptionException("bad value '0' for concurrency with WorkersBenchmark; "
                                + "allowed: a number of workers >= 1");
                    }
                    settings = settings.withConcurrency(workers);
                } else if (settings.concurrency().contains(0) && model.card().concurrencyAllowed().isPresent()) {
                    throw new OptionException("bad value '0' for concurrency with model " + model + "; allowed: "
                            + model.card().concurrencyAllowed().get());
                }
                for (List<Delays> group : delayGroups) {
                    measures.addAll(measure(shape, variant, new Workloads(urls, delayMs, group, seeds), settings));
                }
            }
        }
        return measures;
    }

    /**
     * The protocols compared: the gather of one variant per client stack at the profile's N, over
     * TLS and HTTP/2, each where the stack speaks it; and over HTTP/1.1 in cleartext where the run
     * does not measure the gather itself ({@code withPlain}), so each has its own time to compare with.
     */
    private List<Measure> protocols(List<Long> seeds, int largestN, boolean withPlain) {
        List<Protocol> others = Stream.of(Protocol.values()).filter(p -> withPlain || p != Protocol.http1).toList();
        List<Measure> measures = new ArrayList<>();
        for (Variant variant : Profile.playing(Variant.Role.protocols).stream().filter(v -> models.contains(v.model())).toList()) {
            Workloads workloads = new Workloads(profile.protocolUrls(), List.of(profile.delayMs()),
                    List.of(Delays.of(Profile.DELAY_PROFILE)), seeds);
            // The gather's own setting, so each protocol's time stands beside the same setting over HTTP/1.1.
            Settings settings = settings(variant, largestN);
            for (Measure step : measure(Shape.gather, variant, workloads, settings)) {
                // Not a headline cell: the "Which model?" table is HTTP/1.1's.
                spoken(step.with(step.batches().withForks(profile.forks())), others).ifPresent(measures::add);
            }
        }
        return measures;
    }

    /** The step over the protocols its client stack speaks, with a note for each it does not; empty if none. */
    Optional<Measure> spoken(Measure step, List<Protocol> protocols) {
        ClientStack stack = step.variant().model().clientStack();
        List<Protocol> spoken = new ArrayList<>();
        for (Protocol protocol : protocols) {
            protocol.unsupportedBy(stack).ifPresentOrElse(why -> {
                String note = step.variant().model() + " skipped for protocol=" + protocol + ": " + why;
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }, () -> spoken.add(protocol));
        }
        return spoken.isEmpty() ? Optional.empty() : Optional.of(step.with(step.settings().withProtocols(spoken)));
    }

    /** Whether the benchmark patterns on the command line (none: all) pick the shape. */
    boolean named(Shape shape) {
        return options.picks(shape.benchmarkName());
    }

    /**
     * The delay profiles grouped by their spread parameter, in the order given: JMH crosses the
     * profiles with the spreads, so a step takes profiles of one spread (usually all of them).
     */
    private static List<List<Delays>> bySpread(List<Delays> delays) {
        return List.copyOf(delays.stream().collect(Collectors.groupingBy(Delays::spreadParam, LinkedHashMap::new,
                Collectors.toList())).values());
    }

    /** The step without the N whose predicted batch exceeds the budget, or empty when none is left. */
    private Optional<Measure> withinBudget(Measure step) {
        List<Integer> urls = step.workloads().urls();
        List<Integer> affordable = urls.stream().filter(n -> step.slowestBatchMillis(n) <= profile.batchBudgetMs())
                .toList();
        List<Integer> skipped = urls.stream().filter(n -> !affordable.contains(n)).toList();
        if (!skipped.isEmpty()) {
            notes.add(step.variant() + " skipped for urls=" + joined(skipped) + ": predicted batch over "
                    + BigDecimal.valueOf(profile.batchBudgetMs()).movePointLeft(3).stripTrailingZeros().toPlainString()
                    + " s; ask for it with -p model=" + step.variant().model() + " or run the full profile");
        }
        return affordable.isEmpty() ? Optional.empty() : Optional.of(step.with(step.workloads().withUrls(affordable)));
    }

    /**
     * The measurement steps of a variant over its N, one per budget its N's predicted batches
     * call for (see {@link Batches}): each result gets its own, not its slowest neighbour's.
     */
    private List<Measure> measure(Shape shape, Variant variant, Workloads workloads, Settings settings) {
        Measure all = new Measure(shape, variant, workloads, settings, Batches.RUN, false, machine);
        Map<Batches, List<Integer>> byBudget = new LinkedHashMap<>();
        for (int n : workloads.urls()) {
            boolean headline = shape == Shape.gather && Profile.HEADLINE_URLS.contains(n) && all.mostInFlight(n) >= n;
            Batches budget = Batches.forBatch(all.slowestBatchMillis(n))
                    .withForks(headline ? profile.headlineForks() : profile.forks());
            byBudget.computeIfAbsent(budget, b -> new ArrayList<>()).add(n);
        }
        List<Measure> steps = new ArrayList<>();
        byBudget.forEach((budget, urls) -> steps.add(all.with(workloads.withUrls(urls)).with(budget)));
        return steps;
    }

    static Settings settings(Variant variant, int largestN) {
        return new Settings(variant.concurrency(largestN), variant.maxRequests(largestN),
                List.of(variant.connectionPool()));
    }

    static String joined(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
