package fetchbench.run;


import fetchbench.result.Benchmarks;

import fetchbench.result.Param;

import fetchbench.catalog.Variant;

import fetchbench.model.ClientStack;
import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;

import fetchbench.run.Step.Settings;
import fetchbench.run.Step.Workloads;
import fetchbench.catalog.Limits;
import fetchbench.theory.Machine;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the plan of a run: shape × variant × N × delay, the variants each shape compares being
 * {@link Profile}'s, then the small sweep, with the server check, the floor and the baseline
 * around them. The user's options narrow or replace each axis; a model gets only the settings
 * that mean something to it.
 */
final class Planner {

    private final RunOptions options;
    private final Profile profile;
    private final List<String> notes = new ArrayList<>();
    private final List<Model> models;
    /** The user gave part of the workload: it then means the gather shape unless a shape is named. */
    private final boolean workloadGiven;

    private final Machine machine;

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
        return options.sweep().isPresent() ? sweepOnly(options, options.sweep().get(), machine)
                : new Planner(options, machine).plan();
    }

    private RunPlan plan() throws OptionException {
        List<Integer> urls = options.urls().orElse(profile.urls());
        int largestN = urls.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Long> seeds = options.seeds().orElse(List.of(Profile.SEED));
        List<Delays> gatherDelays = options.delays().orElse(List.of(Delays.of(Profile.DELAY_PROFILE)));
        List<Measure> candidates = new ArrayList<>(measures(Shape.gather, urls,
                options.delayMs().orElse(List.of(profile.delayMs())), seeds, largestN, true));
        boolean patterns = !options.jmh().getIncludes().isEmpty();
        candidates.addAll(otherShapes(seeds, largestN, patterns));
        if (!patterns && workloadGiven) {
            notes.add("urls, delayMs, delayProfile, concurrency and maxRequests set the gather benchmark "
                    + "(GatherBenchmark); the other shapes run with them when named, e.g. DeadlineBenchmark");
        }
        if (options.given(Param.MAX_REQUESTS) && models.stream().noneMatch(m -> m.knob() == Knob.dispatcherLimit)) {
            notes.add("maxRequests applies to okHttpAsync only, which this run does not include");
        }
        if (!workloadGiven && named(Shape.gather) && options.protocols().isEmpty()) {
            candidates.addAll(protocols(seeds, largestN));
        }
        if (!workloadGiven && named(Shape.gather)) {
            List<Model> swept = models.stream().filter(profile.sweepModels()::contains).toList();
            candidates.addAll(sweep(swept, new Workloads(List.of(profile.sweepUrls()), List.of(profile.sweepDelayMs()),
                    List.of(Delays.of(Profile.DELAY_PROFILE)), List.of(Profile.SEED)), profile.sweep(), Batches.RUN, machine));
        }
        List<Step> steps = new ArrayList<>();
        List<UnderLoad> loads = loads(seeds, patterns);
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
        if (profile == Profile.FULL && !options.given(Param.URLS)) {
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
        return withCalibration(steps, notes);
    }

    /**
     * The shapes other than gather, each at its own N and delay, or at the user's when named (and
     * not at all, unnamed, when the user gave a workload).
     */
    private List<Measure> otherShapes(List<Long> seeds, int largestN, boolean patterns) throws OptionException {
        List<Measure> measures = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            if (shape == Shape.gather || (patterns ? !named(shape) : workloadGiven)) {
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

    /** The gather under load (callers, rates) where it is picked, on this machine only. */
    private List<UnderLoad> loads(List<Long> seeds, boolean patterns) throws OptionException {
        List<UnderLoad> loads = new ArrayList<>();
        for (UnderLoad.Load load : UnderLoad.Load.values()) {
            if (options.picks(benchmarkName(load)) && (patterns || !workloadGiven)) {
                Optional<String> elsewhere = notLoopback(options.target());
                if (elsewhere.isEmpty()) {
                    loads.addAll(underLoad(load, seeds, patterns));
                } else if (patterns) {
                    throw new OptionException("bad value '" + options.target() + "' for fetchbench.target with "
                            + load.benchmarkClass + "; allowed: a server "
                            + "on this machine (127.0.0.1, localhost): the load goes to the loopback only");
                } else if (!notes.contains(elsewhere.get())) {
                    notes.add(elsewhere.get());
                }
            }
        }
        return loads;
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
            boolean maxRequestsApply = model.knob() == Knob.dispatcherLimit;
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
     * TLS and HTTP/2 (HTTP/1.1 in cleartext is the gather's own), each where the stack speaks it.
     */
    private List<Measure> protocols(List<Long> seeds, int largestN) {
        List<Protocol> others = Stream.of(Protocol.values()).filter(p -> p != Protocol.http1).toList();
        List<Measure> measures = new ArrayList<>();
        for (Variant variant : Profile.playing(Variant.Role.protocols).stream().filter(v -> models.contains(v.model())).toList()) {
            Workloads workloads = new Workloads(profile.protocolUrls(), List.of(profile.delayMs()),
                    List.of(Delays.of(Profile.DELAY_PROFILE)), seeds);
            // The gather's own setting, so each protocol's time stands beside the same setting over HTTP/1.1.
            Settings settings = settings(variant, largestN);
            for (Measure step : measure(Shape.gather, variant, workloads, settings)) {
                spoken(step, others).ifPresent(measures::add);
            }
        }
        return measures;
    }

    /** Why a target is no place for load (it is not on this machine); empty for the local server or a loopback one. */
    static Optional<String> notLoopback(java.net.URI target) {
        if (target == null) {
            return Optional.empty();
        }
        try {
            if (java.net.InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                return Optional.empty();
            }
        } catch (java.net.UnknownHostException e) {
            // not resolvable here: not known to be this machine
        }
        return Optional.of("callers and rate left out: the target " + target + " is not on this machine, and the "
                + "load goes to the loopback only");
    }

    private static String benchmarkName(UnderLoad.Load load) {
        return load.benchmarkName;
    }

    /**
     * The gather under load, each variant at the profile's N and delay (the user's where the
     * benchmark is named): M callers at once, within the batch budget; or arrivals at each rate up
     * to {@link UnderLoad#MOST_UTILISATION} of the model's limit. What the user gives runs as given.
     */
    private List<UnderLoad> underLoad(UnderLoad.Load load, List<Long> seeds, boolean named)
            throws OptionException {
        boolean callers = load == UnderLoad.Load.callers;
        Optional<List<Integer>> given = callers ? options.callers() : options.rates();
        List<Integer> values = given.orElse(callers ? profile.callers() : profile.rates());
        List<Integer> urls = named ? options.urls().orElse(List.of(profile.loadUrls())) : List.of(profile.loadUrls());
        List<Integer> delays = named ? options.delayMs().orElse(List.of(profile.loadDelayMs()))
                : List.of(profile.loadDelayMs());
        List<Variant> variants = options.models().map(chosen -> chosen.stream().filter(models::contains)
                .map(Variant::of).toList()).orElse(profile.underLoad().stream()
                .filter(v -> models.contains(v.model())).toList());
        List<UnderLoad> steps = new ArrayList<>();
        for (Variant variant : variants) {
            for (int n : urls) {
                for (int d : delays) {
                    steps.addAll(underLoadAt(load, variant, n, d, seeds, named, values, given.isPresent()));
                }
            }
        }
        return steps;
    }

    /**
     * The load steps of one variant at one N and delay: the rates it can take (or all, where the
     * user asked), and the callers grouped by the batches a round of M·N needs; the rest in a note.
     */
    private List<UnderLoad> underLoadAt(UnderLoad.Load load, Variant variant, int n, int d, List<Long> seeds,
                                             boolean named, List<Integer> values, boolean valuesGiven) {
        boolean callers = load == UnderLoad.Load.callers;
        Theory theory = machine.theory();
        List<UnderLoad> steps = new ArrayList<>();
        Settings settings = settings(variant, n);
        if (named) {
            settings = new Settings(options.concurrency().filter(c -> variant.model().hasConcurrencyKnob())
                    .orElse(settings.concurrency()), options.maxRequests()
                    .filter(m -> variant.model().knob() == Knob.dispatcherLimit).orElse(settings.maxRequests()),
                    settings.connectionPools());
        }
        Settings chosen = settings;
        Optional<Measure> spoken = Optional.of(new Measure(Shape.gather, variant, new Workloads(List.of(n),
                List.of(d), List.of(Delays.of(Profile.DELAY_PROFILE)), seeds), chosen, Batches.RUN, false,
                machine));
        if (options.protocols().isPresent()) {
            spoken = spoken(spoken.get(), options.protocols().get());
        }
        if (spoken.isEmpty()) {
            return steps;
        }
        Measure gather = spoken.get();
        List<Integer> planned = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int value : values) {
            UnderLoad one = new UnderLoad(load, gather, List.of(value));
            boolean fits = callers ? one.batchMillis().stream().allMatch(ms -> ms <= profile.batchBudgetMs())
                    : chosen.concurrency().stream().allMatch(c -> theory.utilisation(new Limits(
                    variant.model(), c, chosen.maxRequests().get(0)), n, d, value, Double.NaN)
                    <= UnderLoad.MOST_UTILISATION);
            (fits || valuesGiven || options.models().isPresent() ? planned : skipped).add(value);
        }
        if (!skipped.isEmpty()) {
            notes.add(load + " · " + variant + " skipped for " + (callers ? "callers=" : "rate=")
                    + joined(skipped) + (callers ? ": predicted batch over the budget" : ": over "
                    + UnderLoad.MOST_UTILISATION + "× what its limit lets through, the queue "
                    + "would grow all window") + "; ask for it with -p model=" + variant.model());
        }
        if (!planned.isEmpty() && !callers) {
            steps.add(new UnderLoad(load, gather, planned));
        }
        // A round's batches like a gather's of M·N (see Batches): a short round with
        // hundreds in flight is the CPU of client and server, shared, and varies most.
        Map<Batches, List<Integer>> byBudget = new LinkedHashMap<>();
        for (int m : callers ? planned : List.<Integer>of()) {
            UnderLoad one = new UnderLoad(load, gather, List.of(m));
            int inFlight = chosen.concurrency().stream().mapToInt(c -> theory.sharedSlots(new Limits(
                    variant.model(), c, chosen.maxRequests().get(0)), m, n)).max().orElse(m * n);
            byBudget.computeIfAbsent(Batches.forBatch(Shape.gather, one.batchMillis().stream()
                    .mapToDouble(Double::doubleValue).max().orElse(0), inFlight), b -> new ArrayList<>()).add(m);
        }
        byBudget.forEach((budget, ms) -> steps.add(new UnderLoad(load, gather.with(budget), ms)));
        return steps;
    }

    /** The step over the protocols its client stack speaks, with a note for each it does not; empty if none. */
    private Optional<Measure> spoken(Measure step, List<Protocol> protocols) {
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
    private boolean named(Shape shape) {
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
     * A tuning run (scripts/tune.sh): the server check and the floor at the user's N, then each
     * model's knob swept over the range, gathering N URLs with the user's delays.
     */
    private static RunPlan sweepOnly(RunOptions options, Sweep range, Machine machine) throws OptionException {
        List<Integer> urls = options.urls().orElseThrow(() -> new OptionException(
                "a sweep needs urls (-p urls=N or -Dfetchbench.urls=N); allowed: one positive integer"));
        if (urls.size() != 1) {
            throw new OptionException("bad value '" + joined(urls) + "' for urls with a sweep; "
                    + "allowed: one positive integer");
        }
        List<Integer> delays = options.delayMs().orElse(List.of(Profile.DEFAULT.delayMs()));
        if (delays.size() != 1) {
            throw new OptionException("bad value '" + joined(delays) + "' for delayMs with a sweep; "
                    + "allowed: one integer >= 0");
        }
        List<Model> models = options.models().orElse(Sweep.MODELS);
        for (Model model : models) {
            if (!Sweep.MODELS.contains(model)) {
                throw new OptionException("bad value '" + model + "' for model with a sweep; allowed: "
                        + Sweep.modelNames() + " (the models with a setting to sweep)");
            }
        }
        Workloads workloads = new Workloads(urls, delays,
                List.of(options.delays().map(d -> d.get(0)).orElse(Delays.of(Profile.DELAY_PROFILE))),
                options.seeds().map(s -> List.of(s.get(0))).orElse(List.of(Profile.SEED)));
        List<Step> steps = new ArrayList<>(sweep(models, workloads, range, Batches.RUN, machine));
        List<String> notes = new ArrayList<>();
        if (options.rates().isPresent()) {
            // scripts/tune.sh --rate: each setting under arrivals at the rate, not one gather at a time;
            // a setting that lets through less than half the rate would only queue all window.
            List<Integer> rates = options.rates().get();
            Theory theory = machine.theory();
            List<Step> underLoad = new ArrayList<>();
            for (Step step : steps) {
                Measure gather = (Measure) step;
                List<Integer> fits = new ArrayList<>();
                List<Integer> skipped = new ArrayList<>();
                for (int k : gather.settings().concurrency()) {
                    Limits limits = new Limits(gather.variant().model(), k, gather.settings().maxRequests().get(0));
                    boolean fit = rates.stream().allMatch(rate -> theory.utilisation(limits, urls.get(0), delays.get(0),
                            rate, Double.NaN) <= UnderLoad.MOST_UTILISATION);
                    (fit ? fits : skipped).add(k);
                }
                if (!skipped.isEmpty()) {
                    notes.add(gather.variant() + " skipped for concurrency=" + joined(skipped) + " at rate="
                            + joined(rates) + ": over " + UnderLoad.MOST_UTILISATION + "× what the setting "
                            + "lets through, the queue would grow all window");
                }
                if (!fits.isEmpty()) {
                    underLoad.add(new UnderLoad(UnderLoad.Load.rate, gather.with(gather.settings()
                            .withConcurrency(fits)).with(Batches.RUN), rates));
                }
            }
            if (underLoad.isEmpty()) {
                throw new OptionException("nothing to run: " + String.join("; ", notes));
            }
            steps = underLoad;
        }
        return withCalibration(steps, notes);
    }

    /**
     * Each model's swept variants over the range, in the order of the models: one step with every
     * setting, or for OkHttp's Dispatcher one step per k with maxRequestsPerHost = maxRequests = k
     * (JMH would cross two lists).
     */
    private static List<Measure> sweep(List<Model> models, Workloads workloads, Sweep range, Batches batches,
                                       Machine machine) {
        List<Measure> steps = new ArrayList<>();
        for (Model model : models) {
            for (Variant variant : Profile.playing(Variant.Role.swept).stream().filter(v -> v.model() == model).toList()) {
                boolean bothLimits = model.knob() == Knob.dispatcherLimit;
                List<List<Integer>> each = bothLimits ? range.settings().stream().map(List::of).toList()
                        : List.of(range.settings());
                int n = workloads.urls().get(0);
                for (List<Integer> k : each) {
                    Measure step = new Measure(Shape.gather, variant, workloads, new Settings(k,
                            bothLimits ? k : variant.maxRequests(n), List.of(variant.connectionPool())), batches, true, machine);
                    steps.add(step.with(Batches.forBatch(Shape.gather, step.slowestBatchMillis(n),
                            step.mostInFlight(n))));
                }
            }
        }
        return steps;
    }

    /**
     * The measurement steps of a variant over its N, one per budget its N's predicted batches
     * call for (see {@link Batches}): each result gets its own, not its slowest neighbour's.
     */
    private List<Measure> measure(Shape shape, Variant variant, Workloads workloads, Settings settings) {
        Measure all = new Measure(shape, variant, workloads, settings, Batches.RUN, false, machine);
        Map<Batches, List<Integer>> byBudget = new LinkedHashMap<>();
        for (int n : workloads.urls()) {
            Batches budget = Batches.forBatch(shape, all.slowestBatchMillis(n), all.mostInFlight(n));
            byBudget.computeIfAbsent(budget, b -> new ArrayList<>()).add(n);
        }
        List<Measure> steps = new ArrayList<>();
        byBudget.forEach((budget, urls) -> steps.add(all.with(workloads.withUrls(urls)).with(budget)));
        return steps;
    }

    private static Settings settings(Variant variant, int largestN) {
        return new Settings(variant.concurrency(largestN), variant.maxRequests(largestN),
                List.of(variant.connectionPool()));
    }

    /**
     * The server check and the floor first, at every N the run gathers; the bare-client baseline
     * after each unswept virtualThreads gather at fixed, non-zero delays (delay 0 is the floor's).
     */
    private static RunPlan withCalibration(List<Step> measures, List<String> notes) {
        List<Step> steps = new ArrayList<>(measures);
        List<Integer> allN = RunPlan.gatherN(steps);
        for (Step step : measures) {
            if (step instanceof Measure m && m.variant().model() == Model.UNBOUNDED_REFERENCE && m.shape() == Shape.gather
                    && !m.sweep() && m.workloads().delays().contains(Delays.of(Profile.DELAY_PROFILE))) {
                List<Integer> delays = m.workloads().delayMs().stream().filter(d -> d > Benchmarks.FLOOR_DELAY_MS).toList();
                if (!delays.isEmpty()) {
                    steps.add(new Step.Baseline(m.workloads().urls(), delays, m.batches()));
                }
            }
        }
        List<Integer> delays = measures.stream().filter(Measure.class::isInstance).map(Measure.class::cast)
                .filter(m -> m.shape() == Shape.gather).flatMap(m -> m.workloads().delayMs().stream())
                .filter(d -> d > Benchmarks.FLOOR_DELAY_MS).distinct().sorted().toList();
        List<Measure> all = measures.stream().flatMap(step -> step instanceof Measure m ? Stream.of(m)
                : step instanceof UnderLoad u ? Stream.of(u.gather()) : Stream.empty()).toList();
        List<ClientStack> stacks = all.stream().filter(m -> m.settings().protocols().contains(Protocol.http1))
                .map(m -> m.variant().model().clientStack()).distinct().sorted().toList();
        // Over TLS and HTTP/2, each stack's floor at the N it gathers there, and what a new connection costs it.
        for (ClientStack stack : all.stream().map(m -> m.variant().model().clientStack()).distinct().sorted().toList()) {
            List<Measure> other = all.stream().filter(m -> m.variant().model().clientStack() == stack
                    && m.shape() == Shape.gather).toList();
            List<Protocol> protocols = other.stream().flatMap(m -> m.settings().protocols().stream())
                    .filter(p -> p != Protocol.http1).distinct().sorted().toList();
            List<Integer> urls = other.stream().filter(m -> m.settings().protocols().stream()
                    .anyMatch(p -> p != Protocol.http1)).flatMap(m -> m.workloads().urls().stream())
                    .distinct().sorted().toList();
            if (!protocols.isEmpty()) {
                boolean tls = protocols.stream().anyMatch(Protocol::tls);
                // A new connection's price is the new client's floor less the kept client's, both over https1.
                List<Protocol> kept = tls && !protocols.contains(Protocol.https1)
                        ? Stream.concat(Stream.of(Protocol.https1), protocols.stream()).toList() : protocols;
                steps.add(0, new Step.Floor(urls, List.of(stack), kept, false));
                if (tls) {
                    steps.add(0, new Step.Floor(urls, List.of(stack), List.of(Protocol.https1), true));
                }
            }
        }
        // The cleartext floor where a step speaks HTTP/1.1 in cleartext (none does against an https target).
        if (!stacks.isEmpty() || all.isEmpty()) {
            steps.add(0, new Step.Floor(allN, stacks.isEmpty() ? List.of(ClientStack.okHttp) : stacks));
        }
        steps.add(0, new Step.ServerCheck(allN, delays.isEmpty() ? List.of(Benchmarks.FLOOR_DELAY_MS) : delays));
        return new RunPlan(steps, notes);
    }

    private static String joined(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
