package fetchbench.run;

import fetchbench.catalog.Limits;
import fetchbench.catalog.Model;
import fetchbench.catalog.Variant;
import fetchbench.run.Step.Settings;
import fetchbench.run.Step.Workloads;
import fetchbench.theory.Machine;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.List;

/** The plan of a tuning run (scripts/tune.sh): each model's knob swept over a range at the user's N. */
final class SweepPlanner {

    private SweepPlanner() {
    }

    /**
     * A tuning run (scripts/tune.sh): the server check and the floor at the user's N, then each
     * model's knob swept over the range, gathering N URLs with the user's delays.
     */
    static RunPlan plan(RunOptions options, Sweep range, Machine machine) throws OptionException {
        List<Integer> urls = options.urls().orElseThrow(() -> new OptionException(
                "a sweep needs urls (-p urls=N or -Dfetchbench.urls=N); allowed: one positive integer"));
        if (urls.size() != 1) {
            throw new OptionException("bad value '" + Planner.joined(urls) + "' for urls with a sweep; "
                    + "allowed: one positive integer");
        }
        List<Integer> delays = options.delayMs().orElse(List.of(Profile.DEFAULT.delayMs()));
        if (delays.size() != 1) {
            throw new OptionException("bad value '" + Planner.joined(delays) + "' for delayMs with a sweep; "
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
                    notes.add(gather.variant() + " skipped for concurrency=" + Planner.joined(skipped) + " at rate="
                            + Planner.joined(rates) + ": over " + UnderLoad.MOST_UTILISATION + "× what the setting "
                            + "lets through, the queue would grow all window");
                }
                if (!fits.isEmpty()) {
                    underLoad.add(new UnderLoad(UnderLoad.Load.rate, gather.with(gather.settings()
                            .withConcurrency(fits)).with(Batches.RUN), rates,
                            options.arrivals().orElse(fetchbench.workload.Arrivals.poisson)));
                }
            }
            if (underLoad.isEmpty()) {
                throw new OptionException("nothing to run: " + String.join("; ", notes));
            }
            steps = underLoad;
        }
        return CalibrationSteps.around(steps, notes, 1, false);
    }

    /**
     * Each model's swept variants over the range, in the order of the models: one step with every
     * setting, or for a model of two limits (OkHttp's Dispatcher, Apache's pool) one step per k with both = k
     * (JMH would cross two lists).
     */
    static List<Measure> sweep(List<Model> models, Workloads workloads, Sweep range, Batches batches,
                                       Machine machine) {
        List<Measure> steps = new ArrayList<>();
        for (Model model : models) {
            for (Variant variant : Profile.playing(Variant.Role.swept).stream().filter(v -> v.model() == model).toList()) {
                boolean bothLimits = model.knob().sweptWithMaxRequests();
                List<List<Integer>> each = bothLimits ? range.settings().stream().map(List::of).toList()
                        : List.of(range.settings());
                int n = workloads.urls().get(0);
                for (List<Integer> k : each) {
                    Measure step = new Measure(Shape.gather, variant, workloads, new Settings(k,
                            bothLimits ? k : variant.maxRequests(n), List.of(variant.connectionPool())), batches, true, machine);
                    steps.add(step.with(Batches.forBatch(step.slowestBatchMillis(n))));
                }
            }
        }
        return steps;
    }
}
