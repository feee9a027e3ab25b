package fetchbench.run;

import fetchbench.bench.BareClientBenchmark;
import fetchbench.bench.FetchAllBenchmark;
import fetchbench.model.Model;
import fetchbench.model.Prediction;
import fetchbench.run.RunOptions.Param;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JMH runs that make up one fetchbench run: one step per model setting (OkHttp's default
 * Dispatcher and a tuned one, completableFuture's default executor and an explicit pool), each a
 * cross product of its parameter values. Models get only the settings that mean something to them.
 */
public final class RunPlan {

    /** Seconds JMH needs per parameter combination besides the batches: fork start, set-up. */
    static final double FORK_OVERHEAD_SECONDS = 3;

    /**
     * One JMH run: a benchmark class, the model it measures and the values of every parameter.
     * The bare-client steps measure no model of the suite; their predictions are those of an
     * unbounded client, as for virtual threads.
     */
    public record Step(String benchmark, Model model, String label, Map<Param, List<String>> params,
                       int minIterations) {

        /** Batches of a few ms settle slowly in a fresh fork: the floor gets at least this many of each. */
        static final int CALIBRATION_ITERATIONS = 10;

        Step(Model model, String label, Map<Param, List<String>> params) {
            this(FetchAllBenchmark.class.getSimpleName(), model, label, params, 0);
        }

        /** Warm-up and measured batches for this step: the run's, or more where the step needs them. */
        public int iterations(int runIterations) {
            return Math.max(runIterations, minIterations);
        }

        public boolean measuresAModel() {
            return benchmark.equals(FetchAllBenchmark.class.getSimpleName());
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
                    seconds += FORK_OVERHEAD_SECONDS + (iterations(warmup) + iterations(measurement))
                            * batchMillis(Integer.parseInt(n), setting) / 1000;
                }
            }
            return seconds * params.get(Param.DELAY_PROFILE).size() * params.get(Param.SEED).size();
        }

        private double batchMillis(int urls, int[] setting) {
            return Prediction.here().batchMillis(model, urls, setting[0], setting[1], setting[2]);
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
        Profile profile = options.profile();
        List<String> urls = options.param(Param.URLS).orElse(strings(profile.urls()));
        List<String> delays = options.param(Param.DELAY_MS).orElse(List.of(String.valueOf(profile.delayMs())));
        List<String> delayProfiles = options.param(Param.DELAY_PROFILE).orElse(List.of(Profile.DELAY_PROFILE));
        List<String> seeds = options.param(Param.SEED).orElse(List.of(String.valueOf(Profile.SEED)));
        boolean modelsChosen = options.param(Param.MODEL).isPresent();
        List<Model> models = modelsChosen
                ? options.param(Param.MODEL).get().stream().map(Model::byName).distinct().toList()
                : List.of(Model.values());
        Optional<List<String>> concurrency = options.param(Param.CONCURRENCY);
        Optional<List<String>> maxRequests = options.param(Param.MAX_REQUESTS);
        String largestN = String.valueOf(urls.stream().mapToInt(Integer::parseInt).max().orElseThrow());
        String poolSize = String.valueOf(Profile.POOL_SIZE);
        List<String> unused = List.of("0");

        List<Step> candidates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Model model : models) {
            if (concurrency.isPresent() && !model.hasConcurrencyKnob()) {
                notes.add(model.paramName() + " has no concurrency setting; concurrency="
                        + String.join(",", concurrency.get()) + " does not apply to it");
            }
            switch (model) {
                case SEQUENTIAL -> candidates.add(
                        step(model, "", urls, delays, List.of("1"), unused, delayProfiles, seeds));
                case THREAD_POOL -> {
                    List<String> k = concurrency.orElse(List.of(poolSize));
                    if (k.contains("0")) {
                        throw new OptionException("bad value '0' for concurrency with model threadPool; "
                                + "allowed: a pool size >= 1");
                    }
                    candidates.add(step(model, "", urls, delays, k, unused, delayProfiles, seeds));
                }
                case COMPLETABLE_FUTURE -> {
                    if (concurrency.isPresent()) {
                        candidates.add(step(model, "", urls, delays, concurrency.get(), unused, delayProfiles, seeds));
                    } else {
                        candidates.add(step(model, "default async executor", urls, delays, List.of("0"), unused,
                                delayProfiles, seeds));
                        candidates.add(step(model, "explicit pool", urls, delays, List.of(poolSize), unused,
                                delayProfiles, seeds));
                    }
                }
                case VIRTUAL_THREADS -> candidates.add(
                        step(model, "", urls, delays, List.of("0"), unused, delayProfiles, seeds));
                case OK_HTTP_ASYNC -> {
                    List<String> okHttpPerHost = List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS_PER_HOST));
                    List<String> okHttpMax = List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS));
                    if (concurrency.isPresent() || maxRequests.isPresent()) {
                        candidates.add(step(model, "", urls, delays, concurrency.orElse(okHttpPerHost),
                                maxRequests.orElse(okHttpMax), delayProfiles, seeds));
                    } else {
                        candidates.add(step(model, "OkHttp's default Dispatcher", urls, delays,
                                okHttpPerHost, okHttpMax, delayProfiles, seeds));
                        candidates.add(step(model, "Dispatcher tuned to the largest N", urls, delays,
                                List.of(largestN), List.of(largestN), delayProfiles, seeds));
                    }
                }
            }
        }
        if (maxRequests.isPresent() && !models.contains(Model.OK_HTTP_ASYNC)) {
            notes.add("maxRequests applies to okHttpAsync only, which this run does not include");
        }
        List<Step> steps = new ArrayList<>();
        for (Step candidate : candidates) {
            Step step = modelsChosen ? candidate : withinBudget(candidate, notes);
            if (step != null) {
                steps.add(step);
            }
        }
        if (profile == Profile.FULL && !options.param(Param.URLS).isPresent()) {
            List<String> scaleN = List.of(String.valueOf(Profile.SCALE_URLS));
            List<String> scaleDelay = List.of(String.valueOf(Profile.SCALE_DELAY_MS));
            for (Model model : models) {
                if (model == Model.VIRTUAL_THREADS) {
                    steps.add(step(model, "scale test", scaleN, scaleDelay, List.of("0"), unused, delayProfiles, seeds));
                } else if (model == Model.OK_HTTP_ASYNC) {
                    steps.add(step(model, "scale test, Dispatcher tuned to N", scaleN, scaleDelay, scaleN, scaleN,
                            delayProfiles, seeds));
                }
            }
        }
        if (steps.isEmpty()) {
            throw new OptionException("nothing to run: " + String.join("; ", notes));
        }
        List<String> allN = steps.stream().flatMap(s -> s.params().get(Param.URLS).stream()).distinct()
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        for (Step virtualThreads : steps.stream().filter(s -> s.model() == Model.VIRTUAL_THREADS).toList()) {
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
        return new Step(step.benchmark(), step.model(), step.label(), Collections.unmodifiableMap(params),
                step.minIterations());
    }

    private static Step step(Model model, String label, List<String> urls, List<String> delays,
                             List<String> concurrency, List<String> maxRequests,
                             List<String> delayProfiles, List<String> seeds) {
        Map<Param, List<String>> params = new LinkedHashMap<>();
        params.put(Param.MODEL, List.of(model.paramName()));
        params.put(Param.URLS, urls);
        params.put(Param.DELAY_MS, delays);
        params.put(Param.CONCURRENCY, concurrency);
        params.put(Param.MAX_REQUESTS, maxRequests);
        params.put(Param.DELAY_PROFILE, delayProfiles);
        params.put(Param.SEED, seeds);
        return new Step(model, label, Collections.unmodifiableMap(params));
    }

    /** A step of the bare client (no model of the suite, see BareClientBenchmark). */
    private static Step bare(String label, List<String> urls, List<String> delays) {
        Step template = step(Model.VIRTUAL_THREADS, label, urls, delays, List.of("0"), List.of("0"),
                List.of(Profile.DELAY_PROFILE), List.of(String.valueOf(Profile.SEED)));
        return new Step(BareClientBenchmark.class.getSimpleName(), Model.VIRTUAL_THREADS, label, template.params(),
                delays.equals(List.of("0")) ? Step.CALIBRATION_ITERATIONS : 0);
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

    /** Every N of the run, smallest first. */
    public List<Integer> allN() {
        return steps.stream().flatMap(s -> s.params().get(Param.URLS).stream()).map(Integer::parseInt)
                .distinct().sorted().toList();
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
