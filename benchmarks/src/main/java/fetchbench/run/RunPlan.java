package fetchbench.run;

import fetchbench.model.Model;
import fetchbench.model.Prediction;
import fetchbench.run.RunOptions.Param;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH runs that make up one fetchbench run: one step per model (two for okHttpAsync: OkHttp's
 * default Dispatcher and a tuned one), each a cross product of that model's parameter values.
 * Models get only the settings that mean something to them.
 */
public final class RunPlan {

    /** Seconds JMH needs per parameter combination besides the batches: fork start, set-up. */
    static final double FORK_OVERHEAD_SECONDS = 3;

    /** One JMH run: a model and the values of every parameter. */
    public record Step(Model model, String label, Map<Param, List<String>> params) {

        /** Batches × predicted batch time + fork overhead, for the progress line. */
        public double predictedSeconds(Profile profile, int warmup, int measurement) {
            double seconds = 0;
            for (String n : params.get(Param.URLS)) {
                for (String d : params.get(Param.DELAY_MS)) {
                    for (String c : params.get(Param.CONCURRENCY)) {
                        for (String m : params.get(Param.MAX_REQUESTS)) {
                            double batchMs = Prediction.batchMillis(model, Integer.parseInt(n),
                                    Integer.parseInt(d), Integer.parseInt(c), Integer.parseInt(m));
                            seconds += FORK_OVERHEAD_SECONDS + (warmup + measurement) * batchMs / 1000;
                        }
                    }
                }
            }
            return seconds * params.get(Param.DELAY_PROFILE).size() * params.get(Param.SEED).size();
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
        var concurrency = options.param(Param.CONCURRENCY);
        var maxRequests = options.param(Param.MAX_REQUESTS);
        String largestN = String.valueOf(urls.stream().mapToInt(Integer::parseInt).max().orElseThrow());

        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Model model : models) {
            if (concurrency.isPresent() && !model.hasConcurrencyKnob()) {
                notes.add(model.paramName() + " has no concurrency setting; concurrency=" + concurrency.get()
                        + " does not apply to it");
            }
            switch (model) {
                case SEQUENTIAL -> {
                    List<String> affordable = modelsChosen ? urls : sequentialAffordable(urls, delays, notes);
                    if (!affordable.isEmpty()) {
                        steps.add(step(model, "", affordable, delays, List.of("1"), List.of("0"), delayProfiles, seeds));
                    }
                }
                case THREAD_POOL -> {
                    List<String> k = concurrency.orElse(List.of(String.valueOf(Profile.POOL_SIZE)));
                    if (k.contains("0")) {
                        throw new OptionException("bad value '0' for concurrency with model threadPool; "
                                + "allowed: a pool size >= 1");
                    }
                    steps.add(step(model, "", urls, delays, k, List.of("0"), delayProfiles, seeds));
                }
                case COMPLETABLE_FUTURE -> steps.add(step(model, "", urls, delays,
                        concurrency.orElse(List.of("0", String.valueOf(Profile.POOL_SIZE))),
                        List.of("0"), delayProfiles, seeds));
                case VIRTUAL_THREADS -> steps.add(step(model, "", urls, delays, List.of("0"), List.of("0"),
                        delayProfiles, seeds));
                case OK_HTTP_ASYNC -> {
                    if (concurrency.isPresent() || maxRequests.isPresent()) {
                        steps.add(step(model, "", urls, delays,
                                concurrency.orElse(List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS_PER_HOST))),
                                maxRequests.orElse(List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS))),
                                delayProfiles, seeds));
                    } else {
                        steps.add(step(model, "OkHttp's default Dispatcher", urls, delays,
                                List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS_PER_HOST)),
                                List.of(String.valueOf(Profile.OKHTTP_MAX_REQUESTS)), delayProfiles, seeds));
                        steps.add(step(model, "Dispatcher tuned to the largest N", urls, delays,
                                List.of(largestN), List.of(largestN), delayProfiles, seeds));
                    }
                }
            }
        }
        if (maxRequests.isPresent() && !models.contains(Model.OK_HTTP_ASYNC)) {
            notes.add("maxRequests applies to okHttpAsync only, which this run does not include");
        }
        return new RunPlan(steps, notes);
    }

    private static List<String> sequentialAffordable(List<String> urls, List<String> delays, List<String> notes) {
        int longestDelay = delays.stream().mapToInt(Integer::parseInt).max().orElseThrow();
        List<String> affordable = urls.stream()
                .filter(n -> (long) Integer.parseInt(n) * longestDelay <= Profile.SEQUENTIAL_BATCH_BUDGET_MS)
                .toList();
        if (affordable.size() < urls.size()) {
            List<String> skipped = new ArrayList<>(urls);
            skipped.removeAll(affordable);
            notes.add("sequential skipped for urls=" + String.join(",", skipped) + " (N·delay over "
                    + Profile.SEQUENTIAL_BATCH_BUDGET_MS / 1000 + " s per batch); ask for it with -p model=sequential");
        }
        return affordable;
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

    private static List<String> strings(List<Integer> values) {
        return values.stream().map(String::valueOf).toList();
    }

    public List<Step> steps() {
        return steps;
    }

    /** What the plan left out or ignored, and why; printed before the run. */
    public List<String> notes() {
        return notes;
    }

    public int largestN() {
        return steps.stream()
                .flatMap(s -> s.params().get(Param.URLS).stream())
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(1);
    }

    public double predictedSeconds(Profile profile, int warmup, int measurement) {
        return steps.stream().mapToDouble(s -> s.predictedSeconds(profile, warmup, measurement)).sum();
    }
}
