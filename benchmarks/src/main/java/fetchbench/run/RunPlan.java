package fetchbench.run;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Model;
import fetchbench.model.Prediction;
import fetchbench.run.RunOptions.Param;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JMH runs that make up one fetchbench run: one step per model setting (OkHttp's default
 * Dispatcher and a tuned one, completableFuture's default executor and an explicit pool), each a
 * cross product of its parameter values. Models get only the settings that mean something to them.
 */
public final class RunPlan {

    /** Seconds JMH needs per parameter combination besides the batches: fork start, set-up (about 1 s here). */
    static final double FORK_OVERHEAD_SECONDS = 1.5;
    /** A batch this slow is stable from the first: its step gets fewer batches (see {@link Batches#SLOW}). */
    static final double SLOW_BATCH_MS = 5_000;

    /**
     * How many batches a step runs, against the run's warm-up and measured iterations: the run's;
     * at least 10 of each for the floor, whose batches of a few ms settle slowly in a fresh fork;
     * at most 1 warm-up and 3 measured for slow batches (a 20 s batch varies by a few per cent);
     * at most 3 of each for the shapes besides gather, which run every model at one small N.
     */
    public record Batches(int minimum, int maxWarmup, int maxMeasurement) {
        static final Batches RUN = new Batches(0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        static final Batches CALIBRATION = new Batches(10, Integer.MAX_VALUE, Integer.MAX_VALUE);
        static final Batches SLOW = new Batches(0, 1, 3);
        static final Batches SHAPE = new Batches(0, 3, 3);
        /** The default run's small sweep: 3 warm-up and 3 measured batches per setting. */
        static final Batches SWEEP = new Batches(0, 3, 3);

        int warmup(int runWarmup) {
            return Math.max(minimum, Math.min(runWarmup, maxWarmup));
        }

        int measurement(int runMeasurement) {
            return Math.max(minimum, Math.min(runMeasurement, maxMeasurement));
        }
    }
    /** The CPU-heavy shape's work per response, for planning only (the run measures it). */
    static final double PLANNING_CPU_WORK_MS = 10;

    /**
     * One JMH run: a benchmark class, the model it measures and the values of every parameter.
     * The bare-client steps measure no model of the suite; their predictions are those of an
     * unbounded client, as for virtual threads.
     */
    public record Step(Shape shape, String benchmark, Model model, String label, Map<Param, List<String>> params,
                       Batches batches, boolean sweep) {

        Step(Shape shape, Model model, String label, Map<Param, List<String>> params) {
            this(shape, shape.benchmark(), model, label, params, Batches.RUN, false);
        }

        /** The same step with another value list for one parameter. */
        Step with(Param param, List<String> values) {
            Map<Param, List<String>> changed = new LinkedHashMap<>(params);
            changed.put(param, values);
            return new Step(shape, benchmark, model, label, Collections.unmodifiableMap(changed), batches, sweep);
        }

        /** Warm-up batches for this step: the run's, or as many as the step needs. */
        public int warmup(int runWarmup) {
            return batches.warmup(runWarmup);
        }

        /** Measured batches for this step: the run's, or as many as the step needs. */
        public int measurement(int runMeasurement) {
            return batches.measurement(runMeasurement);
        }

        public boolean measuresAModel() {
            return benchmark.equals(shape.benchmark());
        }

        /** The JMH benchmark name, e.g. {@code fetchbench.bench.DeadlineBenchmark.withinDeadline}. */
        public String benchmarkName() {
            return "fetchbench.bench." + benchmark + "." + (measuresAModel() ? shape.method() : "fetchAll");
        }

        /** The predicted batch time at N for the slowest setting of this step. */
        double slowestBatchMillis(int urls) {
            return settings().stream().mapToDouble(setting -> batchMillis(urls, setting)).max().orElse(0);
        }

        /** Batches × predicted batch time + fork overhead, for the progress line. */
        public double predictedSeconds(int warmup, int measurement) {
            double seconds = 0;
            for (String n : params.get(Param.URLS)) {
                for (int[] setting : settings()) {
                    seconds += FORK_OVERHEAD_SECONDS + (warmup(warmup) + measurement(measurement))
                            * batchMillis(Integer.parseInt(n), setting) / 1000;
                }
            }
            return seconds * params.get(Param.DELAY_PROFILE).size() * params.get(Param.SEED).size();
        }

        private double batchMillis(int urls, int[] setting) {
            return shape.predictMs(Prediction.here(), model, urls, setting[0],
                    Delays.parse(params.get(Param.DELAY_PROFILE).get(0)),
                    Long.parseLong(params.get(Param.SEED).get(0)), setting[1], setting[2], new Shape.CpuCost(
                            PLANNING_CPU_WORK_MS, PLANNING_CPU_WORK_MS, Runtime.getRuntime().availableProcessors()));
        }

        /** Every {delayMs, concurrency, maxRequests} combination of this step. */
        private List<int[]> settings() {
            List<int[]> settings = new ArrayList<>();
            for (String d : params.get(Param.DELAY_MS)) {
                for (String c : params.get(Param.CONCURRENCY)) {
                    for (String m : params.get(Param.MAX_REQUESTS)) {
                        settings.add(new int[] {Integer.parseInt(d), Integer.parseInt(c), Integer.parseInt(m)});
                    }
                }
            }
            return settings;
        }
    }

    private final List<Step> steps;
    private final List<String> notes;

    private RunPlan(List<Step> steps, List<String> notes) {
        this.steps = List.copyOf(steps);
        this.notes = List.copyOf(notes);
    }

    public static RunPlan of(RunOptions options) throws OptionException {
        if (options.sweep().isPresent()) {
            return sweepOnly(options, options.sweep().get());
        }
        Profile profile = options.profile();
        List<String> urls = options.param(Param.URLS).orElse(strings(profile.urls()));
        List<String> delays = options.param(Param.DELAY_MS).orElse(List.of(String.valueOf(profile.delayMs())));
        List<String> delayProfiles = options.param(Param.DELAY_PROFILE).orElse(List.of(Profile.DELAY_PROFILE));
        List<String> seeds = options.param(Param.SEED).orElse(List.of(String.valueOf(Profile.SEED)));
        boolean modelsChosen = options.param(Param.MODEL).isPresent();
        List<Model> chosen = modelsChosen
                ? options.param(Param.MODEL).get().stream().map(Model::byName).distinct().toList()
                : List.of(Model.values());
        List<String> notes = new ArrayList<>();
        chosen.forEach(model -> model.unavailableReason().ifPresent(notes::add));
        List<Model> models = chosen.stream().filter(model -> model.unavailableReason().isEmpty()).toList();
        Optional<List<String>> concurrency = options.param(Param.CONCURRENCY);
        Optional<List<String>> maxRequests = options.param(Param.MAX_REQUESTS);
        String largestN = String.valueOf(urls.stream().mapToInt(Integer::parseInt).max().orElseThrow());
        String poolSize = String.valueOf(Profile.POOL_SIZE);
        List<String> unused = List.of("0");

        List<Step> candidates = new ArrayList<>();
        for (Model model : models) {
            if (concurrency.isPresent() && !model.hasConcurrencyKnob()) {
                notes.add(model.paramName() + " has no concurrency setting; concurrency="
                        + String.join(",", concurrency.get()) + " does not apply to it");
            }
            switch (model) {
                case SEQUENTIAL -> candidates.add(
                        step(Shape.GATHER, model, "", urls, delays, List.of("1"), unused, delayProfiles, seeds));
                case THREAD_POOL -> {
                    List<String> k = concurrency.orElse(List.of(poolSize));
                    if (k.contains("0")) {
                        throw new OptionException("bad value '0' for concurrency with model threadPool; "
                                + "allowed: a pool size >= 1");
                    }
                    candidates.add(step(Shape.GATHER, model, "", urls, delays, k, unused, delayProfiles, seeds));
                }
                case COMPLETABLE_FUTURE -> {
                    if (concurrency.isPresent()) {
                        candidates.add(step(Shape.GATHER, model, "", urls, delays, concurrency.get(), unused, delayProfiles, seeds));
                    } else {
                        candidates.add(step(Shape.GATHER, model, "default async executor", urls, delays, List.of("0"), unused,
                                delayProfiles, seeds));
                        candidates.add(step(Shape.GATHER, model, "explicit pool", urls, delays, List.of(poolSize), unused,
                                delayProfiles, seeds));
                    }
                }
                case VIRTUAL_THREADS -> candidates.add(step(Shape.GATHER, model, "", urls, delays,
                        concurrency.orElse(List.of("0")), unused, delayProfiles, seeds));
                case OK_HTTP_ASYNC -> {
                    List<String> okHttpPerHost = List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS_PER_HOST));
                    List<String> okHttpMax = List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS));
                    if (concurrency.isPresent() || maxRequests.isPresent()) {
                        candidates.add(step(Shape.GATHER, model, "", urls, delays, concurrency.orElse(okHttpPerHost),
                                maxRequests.orElse(okHttpMax), delayProfiles, seeds));
                    } else {
                        candidates.add(step(Shape.GATHER, model, "OkHttp's default Dispatcher", urls, delays,
                                okHttpPerHost, okHttpMax, delayProfiles, seeds));
                        candidates.add(step(Shape.GATHER, model, "Dispatcher tuned to the largest N", urls, delays,
                                List.of(largestN), List.of(largestN), delayProfiles, seeds));
                    }
                }
                case HTTP_CLIENT_ASYNC -> candidates.add(step(Shape.GATHER, model, "", urls, delays,
                        concurrency.orElse(List.of("0")), unused, delayProfiles, seeds));
                case STRUCTURED -> candidates.add(
                        step(Shape.GATHER, model, "", urls, delays, List.of("0"), unused, delayProfiles, seeds));
            }
        }
        List<String> includes = options.jmh().getIncludes();
        boolean workloadGiven = Stream.of(Param.URLS, Param.DELAY_MS, Param.DELAY_PROFILE, Param.CONCURRENCY,
                Param.MAX_REQUESTS).anyMatch(p -> options.param(p).isPresent());
        for (Shape shape : Shape.values()) {
            if (shape == Shape.GATHER) {
                continue;
            }
            // Named shapes take the user's workload options; unnamed ones run with their own, and
            // not at all when the user gave options (which then mean the gather benchmark).
            boolean named = includes.stream().anyMatch(regexp -> Pattern.compile(regexp)
                    .matcher("fetchbench.bench." + shape.benchmark() + "." + shape.method()).find());
            if (includes.isEmpty() ? workloadGiven : !named) {
                continue;
            }
            Optional<List<String>> givenUrls = named ? options.param(Param.URLS) : Optional.empty();
            List<String> shapeUrls = givenUrls.orElse(List.of(String.valueOf(profile.urls(shape))));
            List<String> shapeDelays = (named ? options.param(Param.DELAY_MS) : Optional.<List<String>>empty())
                    .orElse(List.of(String.valueOf(profile.delayMs(shape))));
            List<String> shapeProfiles = (named ? options.param(Param.DELAY_PROFILE) : Optional.<List<String>>empty())
                    .orElse(List.of(shape == Shape.WORKERS || shape == Shape.AS_COMPLETED
                            ? DelayProfile.STAGGERED.paramName() : Profile.DELAY_PROFILE));
            for (String n : shapeUrls) {
                if (Integer.parseInt(n) < shape.minimumUrls()) {
                    throw new OptionException("bad value '" + n + "' for urls with " + shape.benchmark()
                            + "; allowed: >= " + shape.minimumUrls());
                }
            }
            for (Model model : models) {
                if (shape == Shape.FIRST_COMPLETED && model == Model.SEQUENTIAL) {
                    continue; // a loop cannot race: it would wait for each replica in turn
                }
                Optional<List<String>> none = Optional.empty();
                candidates.add(step(shape, model, "", shapeUrls, shapeDelays,
                        shapeConcurrency(shape, model, named ? concurrency : none),
                        model == Model.OK_HTTP_ASYNC ? (named ? maxRequests : none)
                                .orElse(List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS))) : unused,
                        shapeProfiles, seeds));
            }
        }
        if (includes.isEmpty() && workloadGiven) {
            notes.add("urls, delayMs, delayProfile, concurrency and maxRequests set the gather benchmark "
                    + "(FetchAllBenchmark); the other shapes run with them when named, e.g. DeadlineBenchmark");
        }
        if (maxRequests.isPresent() && !models.contains(Model.OK_HTTP_ASYNC)) {
            notes.add("maxRequests applies to okHttpAsync only, which this run does not include");
        }
        boolean sweepNamed = includes.isEmpty() || includes.stream().anyMatch(regexp -> Pattern.compile(regexp)
                .matcher("fetchbench.bench." + Shape.GATHER.benchmark() + "." + Shape.GATHER.method()).find());
        if (!workloadGiven && sweepNamed && profile.sweep().isPresent()) {
            List<Model> sweepModels = models.stream().filter(profile.sweepModels()::contains).toList();
            candidates.addAll(sweepSteps(sweepModels, String.valueOf(profile.sweepUrls()),
                    String.valueOf(profile.sweepDelayMs()), Profile.DELAY_PROFILE, String.valueOf(Profile.SEED),
                    profile.sweep().get(), Batches.SWEEP));
        }
        List<Step> steps = new ArrayList<>();
        for (Step candidate : candidates) {
            Step step = modelsChosen || candidate.sweep() ? candidate : withinBudget(candidate, notes);
            if (step != null) {
                steps.add(options.param(Param.CONNECTION_POOL).isPresent() && !step.sweep()
                        ? step.with(Param.CONNECTION_POOL, options.param(Param.CONNECTION_POOL).get()) : step);
            }
        }
        if (profile == Profile.FULL && !options.param(Param.URLS).isPresent()) {
            List<String> scaleN = List.of(String.valueOf(Profile.SCALE_URLS));
            List<String> scaleDelay = List.of(String.valueOf(Profile.SCALE_DELAY_MS));
            for (Model model : models) {
                if (model == Model.VIRTUAL_THREADS) {
                    steps.add(step(Shape.GATHER, model, "scale test", scaleN, scaleDelay, List.of("0"), unused, delayProfiles, seeds));
                } else if (model == Model.OK_HTTP_ASYNC) {
                    steps.add(step(Shape.GATHER, model, "scale test, Dispatcher tuned to N", scaleN, scaleDelay, scaleN, scaleN,
                            delayProfiles, seeds));
                }
            }
        }
        if (steps.isEmpty()) {
            throw new OptionException("nothing to run: " + String.join("; ", notes));
        }
        List<String> allN = gatherN(steps).stream().map(String::valueOf).toList();
        for (Step virtualThreads : steps.stream()
                .filter(s -> s.model() == Model.VIRTUAL_THREADS && s.shape() == Shape.GATHER && !s.sweep()).toList()) {
            // The bare client runs fixed delays: a baseline only where the model did too, and not at
            // delay 0, which is the floor's.
            List<String> baselineDelays = virtualThreads.params().get(Param.DELAY_MS).stream()
                    .filter(d -> !d.equals("0")).toList();
            if (virtualThreads.params().get(Param.DELAY_PROFILE).contains(Profile.DELAY_PROFILE)
                    && !baselineDelays.isEmpty()) {
                steps.add(bare("bare client, the baseline of the suite's overhead",
                        virtualThreads.params().get(Param.URLS), baselineDelays));
            }
        }
        steps.add(0, bare("calibration: the floor, bare client without delay", allN, List.of("0")));
        return new RunPlan(steps, notes);
    }

    /**
     * The settings a model runs a shape with, unless the user gave concurrency: k workers for the
     * workers shape; a sweep of pool sizes for threadPool in the CPU-heavy shape, to show where
     * more threads stop helping; each model's usual setting elsewhere (OkHttp's default Dispatcher,
     * the JDK client's default executor).
     */
    private static List<String> shapeConcurrency(Shape shape, Model model, Optional<List<String>> concurrency)
            throws OptionException {
        if (model == Model.SEQUENTIAL) {
            return List.of("1");
        }
        if (shape == Shape.WORKERS) {
            List<String> workers = concurrency.orElse(List.of(String.valueOf(Profile.WORKERS)));
            if (workers.contains("0")) {
                throw new OptionException("bad value '0' for concurrency with WorkersBenchmark; "
                        + "allowed: a number of workers >= 1");
            }
            return workers;
        }
        if (!model.hasConcurrencyKnob()) {
            return List.of("0");
        }
        return concurrency.orElse(switch (model) {
            case THREAD_POOL -> shape == Shape.CPU_HEAVY ? strings(Profile.CPU_HEAVY_POOL_SIZES)
                    : List.of(String.valueOf(Profile.POOL_SIZE));
            case COMPLETABLE_FUTURE -> List.of(String.valueOf(Profile.POOL_SIZE));
            case OK_HTTP_ASYNC -> List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS_PER_HOST));
            // The JDK's defaults, and a pool for the response handling where the work is.
            case HTTP_CLIENT_ASYNC -> shape == Shape.CPU_HEAVY ? List.of("0", String.valueOf(Profile.POOL_SIZE))
                    : List.of("0");
            default -> List.of("0");
        });
    }

    /**
     * A tuning run (scripts/tune.sh): the floor and the server check at the user's N, then each
     * model's setting swept over the range, gathering N URLs with the user's delays.
     */
    private static RunPlan sweepOnly(RunOptions options, Sweep sweep) throws OptionException {
        List<String> urls = options.param(Param.URLS).orElseThrow(() -> new OptionException(
                "a sweep needs urls (-p urls=N or -Dfetchbench.urls=N); allowed: one positive integer"));
        if (urls.size() != 1) {
            throw new OptionException("bad value '" + String.join(",", urls) + "' for urls with a sweep; "
                    + "allowed: one positive integer");
        }
        List<String> delays = options.param(Param.DELAY_MS).orElse(List.of(String.valueOf(Profile.DEFAULT.delayMs())));
        if (delays.size() != 1) {
            throw new OptionException("bad value '" + String.join(",", delays) + "' for delayMs with a sweep; "
                    + "allowed: one integer >= 0");
        }
        List<Model> models = options.param(Param.MODEL).map(names -> names.stream().map(Model::byName).distinct()
                .toList()).orElse(Sweep.MODELS);
        for (Model model : models) {
            if (!Sweep.MODELS.contains(model)) {
                throw new OptionException("bad value '" + model.paramName() + "' for model with a sweep; allowed: "
                        + Sweep.modelNames() + " (the models with a setting to sweep)");
            }
        }
        List<Step> steps = new ArrayList<>();
        steps.add(bare("calibration: the floor, bare client without delay", urls, List.of("0")));
        steps.addAll(sweepSteps(models, urls.get(0), delays.get(0),
                options.param(Param.DELAY_PROFILE).map(p -> p.get(0)).orElse(Profile.DELAY_PROFILE),
                options.param(Param.SEED).map(seed -> seed.get(0)).orElse(String.valueOf(Profile.SEED)),
                sweep, Batches.RUN));
        return new RunPlan(steps, List.of());
    }

    /**
     * One gather step per model with the model's setting over the sweep: pool size, executor
     * size, or a semaphore's permits. okHttpAsync gets one step per setting k, with Dispatcher
     * maxRequestsPerHost and maxRequests both k (JMH would cross two lists), once with its
     * connection pool sized to N and once with OkHttp's default pool.
     */
    private static List<Step> sweepSteps(List<Model> models, String n, String delayMs, String delayProfile,
                                         String seed, Sweep sweep, Batches batches) {
        List<String> settings = strings(sweep.settings());
        List<String> unused = List.of("0");
        List<Step> steps = new ArrayList<>();
        for (Model model : models) {
            String what = switch (model) {
                case THREAD_POOL -> "pool size k";
                case COMPLETABLE_FUTURE, HTTP_CLIENT_ASYNC -> "executor size";
                case VIRTUAL_THREADS -> "semaphore permits";
                case OK_HTTP_ASYNC -> "maxRequestsPerHost = maxRequests";
                default -> throw new IllegalArgumentException(model.paramName() + " has no setting to sweep");
            };
            if (model != Model.OK_HTTP_ASYNC) {
                steps.add(asSweep(step(Shape.GATHER, model, "sweep of " + what, List.of(n), List.of(delayMs), settings,
                        unused, List.of(delayProfile), List.of(seed)), batches));
                continue;
            }
            for (ConnectionPoolSize pool : ConnectionPoolSize.values()) {
                for (String k : settings) {
                    Step step = step(Shape.GATHER, model, "sweep of " + what
                                    + (pool == ConnectionPoolSize.SIZED ? "" : ", OkHttp's default connection pool"),
                            List.of(n), List.of(delayMs), List.of(k), List.of(k), List.of(delayProfile), List.of(seed));
                    steps.add(asSweep(step.with(Param.CONNECTION_POOL, List.of(pool.paramName())), batches));
                }
            }
        }
        return steps;
    }

    /** The step marked as a sweep's; with the run's batches a slow setting still gets the slow cap. */
    private static Step asSweep(Step step, Batches batches) {
        return new Step(step.shape(), step.benchmark(), step.model(), step.label(), step.params(),
                batches == Batches.RUN ? step.batches() : batches, true);
    }

    /** The step without the N whose predicted batch exceeds the budget, or null when none is left. */
    private static Step withinBudget(Step step, List<String> notes) {
        List<String> affordable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String n : step.params().get(Param.URLS)) {
            (step.slowestBatchMillis(Integer.parseInt(n)) <= Profile.BATCH_BUDGET_MS ? affordable : skipped).add(n);
        }
        if (!skipped.isEmpty()) {
            notes.add(step.model().paramName() + (step.label().isEmpty() ? "" : " (" + step.label() + ")")
                    + " skipped for urls=" + String.join(",", skipped) + ": predicted batch over "
                    + Profile.BATCH_BUDGET_MS / 1000 + " s; ask for it with -p model=" + step.model().paramName());
        }
        if (affordable.isEmpty()) {
            return null;
        }
        Map<Param, List<String>> params = new LinkedHashMap<>(step.params());
        params.put(Param.URLS, List.copyOf(affordable));
        return new Step(step.shape(), step.benchmark(), step.model(), step.label(),
                Collections.unmodifiableMap(params), step.batches(), step.sweep());
    }

    private static Step step(Shape shape, Model model, String label, List<String> urls, List<String> delays,
                             List<String> concurrency, List<String> maxRequests,
                             List<String> delayProfiles, List<String> seeds) {
        Map<Param, List<String>> params = new LinkedHashMap<>();
        params.put(Param.MODEL, List.of(model.paramName()));
        params.put(Param.URLS, urls);
        params.put(Param.DELAY_MS, delays);
        params.put(Param.CONCURRENCY, concurrency);
        params.put(Param.MAX_REQUESTS, maxRequests);
        params.put(Param.DELAY_PROFILE, delayProfiles);
        params.put(Param.CONNECTION_POOL, List.of(ConnectionPoolSize.SIZED.paramName()));
        params.put(Param.SEED, seeds);
        Step step = new Step(shape, model, label, Collections.unmodifiableMap(params));
        Batches batches = shape != Shape.GATHER ? Batches.SHAPE
                : urls.stream().anyMatch(n -> step.slowestBatchMillis(Integer.parseInt(n)) >= SLOW_BATCH_MS)
                ? Batches.SLOW : Batches.RUN;
        return new Step(shape, shape.benchmark(), model, label, step.params(), batches, false);
    }

    /** A step of the bare client (no model of the suite, see BareClientBenchmark). */
    private static Step bare(String label, List<String> urls, List<String> delays) {
        Step template = step(Shape.GATHER, Model.VIRTUAL_THREADS, label, urls, delays, List.of("0"), List.of("0"),
                List.of(Profile.DELAY_PROFILE), List.of(String.valueOf(Profile.SEED)));
        return new Step(Shape.GATHER, BareClientBenchmark.class.getSimpleName(), Model.VIRTUAL_THREADS, label,
                template.params(), delays.equals(List.of("0")) ? Batches.CALIBRATION : Batches.RUN, false);
    }

    private static List<String> strings(List<Integer> values) {
        return values.stream().map(String::valueOf).toList();
    }

    public List<Step> steps() {
        return steps;
    }

    /** The same plan with only the steps that measure a model of the suite. */
    RunPlan withoutBareClient() {
        return new RunPlan(steps.stream().filter(Step::measuresAModel).toList(), notes);
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

    private static List<Integer> gatherN(List<Step> steps) {
        List<Step> gather = steps.stream().filter(s -> s.shape() == Shape.GATHER).toList();
        return (gather.isEmpty() ? steps : gather).stream().flatMap(s -> s.params().get(Param.URLS).stream())
                .map(Integer::parseInt).distinct().sorted().toList();
    }

    public int largestN() {
        return steps.stream()
                .flatMap(s -> s.params().get(Param.URLS).stream())
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(1);
    }

    public double predictedSeconds(int warmup, int measurement) {
        return steps.stream().mapToDouble(s -> s.predictedSeconds(warmup, measurement)).sum();
    }
}
