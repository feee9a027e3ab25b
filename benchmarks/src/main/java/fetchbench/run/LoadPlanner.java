package fetchbench.run;

import fetchbench.catalog.Limits;
import fetchbench.catalog.Variant;
import fetchbench.run.Step.Settings;
import fetchbench.run.Step.Workloads;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fetchbench.catalog.Model;
import fetchbench.theory.CpuCost;
import fetchbench.theory.LoadPrediction;
import fetchbench.theory.Scenario;
import fetchbench.workload.Arrivals;

/** The steps of the gather under load: M callers at once, and arrivals at a rate, on this machine only. */
final class LoadPlanner {

    private final Planner planner;

    LoadPlanner(Planner planner) {
        this.planner = planner;
    }

    /** The gather under load (callers, rates) where it is picked, on this planner.machine only. */
    List<Step.Jmh> loads(List<Long> seeds, boolean patterns) throws OptionException {
        List<Step.Jmh> loads = new ArrayList<>();
        for (UnderLoad.Load load : UnderLoad.Load.values()) {
            if (planner.options.picks(benchmarkName(load)) && (patterns || !planner.workloadGiven)) {
                Optional<String> elsewhere = notLoopback(planner.options.target());
                if (elsewhere.isEmpty()) {
                    loads.addAll(underLoad(load, seeds, patterns));
                } else if (patterns) {
                    throw new OptionException("bad value '" + planner.options.target() + "' for fetchbench.target with "
                            + load.benchmarkClass + "; allowed: a server "
                            + "on this machine (127.0.0.1, localhost): the load goes to the loopback only");
                } else if (!planner.notes.contains(elsewhere.get())) {
                    planner.notes.add(elsewhere.get());
                }
            }
        }
        return loads;
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
            // not resolvable here: not known to be this planner.machine
        }
        return Optional.of("callers and rate left out: the target " + target + " is not on this machine, and the "
                + "load goes to the loopback only");
    }

    private static String benchmarkName(UnderLoad.Load load) {
        return load.benchmarkName;
    }

    /**
     * The gather under load, each variant at the planner.profile's N and delay (the user's where the
     * benchmark is named): M callers at once, within the batch budget; or arrivals at each rate up
     * to {@link UnderLoad#MOST_UTILISATION} of the model's limit. What the user gives runs as given.
     */
    private List<Step.Jmh> underLoad(UnderLoad.Load load, List<Long> seeds, boolean named)
            throws OptionException {
        boolean callers = load == UnderLoad.Load.callers;
        Optional<List<Integer>> given = callers ? planner.options.callers() : planner.options.rates();
        List<Integer> values = given.orElse(callers ? planner.profile.callers() : planner.profile.rates());
        List<Integer> urls = named ? planner.options.urls().orElse(List.of(planner.profile.loadUrls())) : List.of(planner.profile.loadUrls());
        List<Integer> delays = named ? planner.options.delayMs().orElse(List.of(planner.profile.loadDelayMs()))
                : List.of(planner.profile.loadDelayMs());
        List<Variant> variants = planner.options.models().map(chosen -> chosen.stream().filter(planner.models::contains)
                .map(Variant::of).toList()).orElse(planner.profile.underLoad().stream()
                .filter(v -> planner.models.contains(v.model())).toList());
        List<Step.Jmh> steps = new ArrayList<>();
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
    private List<Step.Jmh> underLoadAt(UnderLoad.Load load, Variant variant, int n, int d, List<Long> seeds,
                                             boolean named, List<Integer> values, boolean valuesGiven) {
        boolean callers = load == UnderLoad.Load.callers;
        Theory theory = planner.machine.theory();
        List<Step.Jmh> steps = new ArrayList<>();
        Settings settings = Planner.settings(variant, n);
        if (named) {
            settings = new Settings(planner.options.concurrency().filter(c -> variant.model().hasConcurrencyKnob())
                    .orElse(settings.concurrency()), planner.options.maxRequests()
                    .filter(m -> variant.model().takesMaxRequests()).orElse(settings.maxRequests()),
                    settings.connectionPools());
        }
        Settings chosen = settings;
        Optional<Measure> spoken = Optional.of(new Measure(Shape.gather, variant, new Workloads(List.of(n),
                List.of(d), List.of(Delays.of(Profile.DELAY_PROFILE)), seeds), chosen, Batches.RUN, false,
                planner.machine));
        if (planner.options.protocols().isPresent()) {
            spoken = planner.spoken(spoken.get(), planner.options.protocols().get());
        }
        if (spoken.isEmpty()) {
            return steps;
        }
        Measure gather = spoken.get();
        Arrivals arrivals = planner.options.arrivals().orElse(Arrivals.poisson);
        if (!callers && !valuesGiven && planner.profile.predictsRates()) {
            return predicted(gather, arrivals);
        }
        List<Integer> planned = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int value : values) {
            UnderLoad one = new UnderLoad(load, gather, List.of(value), arrivals);
            boolean fits = callers ? one.batchMillis().stream().allMatch(ms -> ms <= planner.profile.batchBudgetMs())
                    : chosen.concurrency().stream().allMatch(c -> theory.utilisation(new Limits(
                    variant.model(), c, chosen.maxRequests().get(0)), n, d, value, Double.NaN)
                    <= UnderLoad.MOST_UTILISATION);
            (fits || valuesGiven || planner.options.models().isPresent() ? planned : skipped).add(value);
        }
        if (!skipped.isEmpty()) {
            planner.notes.add(load + " · " + variant + " skipped for " + (callers ? "callers=" : "rate=")
                    + Planner.joined(skipped) + (callers ? ": predicted batch over the budget" : ": over "
                    + UnderLoad.MOST_UTILISATION + "× what its limit lets through, the queue "
                    + "would grow all window") + "; ask for it with -p model=" + variant.model()
                    + (variant == Variant.of(variant.model()) ? "" : " -p concurrency=" + Planner.joined(chosen.concurrency())));
        }
        if (!planned.isEmpty() && !callers) {
            steps.add(new UnderLoad(load, gather, planned, arrivals));
        }
        // A round's batches like a gather's of M·N (see Batches): the run's, or the slow budget.
        Map<Batches, List<Integer>> byBudget = new LinkedHashMap<>();
        for (int m : callers ? planned : List.<Integer>of()) {
            UnderLoad one = new UnderLoad(load, gather, List.of(m), arrivals);
            byBudget.computeIfAbsent(Batches.forBatch(one.batchMillis().stream()
                    .mapToDouble(Double::doubleValue).max().orElse(0)), b -> new ArrayList<>()).add(m);
        }
        byBudget.forEach((budget, ms) -> steps.add(new UnderLoad(load, gather.with(budget), ms, arrivals)));
        return steps;
    }

    /**
     * Rates predicted during the run: the unloaded gather first, then the grid around the SLO rate
     * it predicts and the overload past saturation. A model without a limit of its own saturates the
     * machine, past what this run's windows can measure: only its unloaded gather runs, which the
     * report reads its saturation from.
     */
    private List<Step.Jmh> predicted(Measure gather, Arrivals arrivals) {
        Theory theory = planner.machine.theory();
        Measure unloaded = gather.with(Batches.LONE);
        int n = unloaded.workloads().urls().get(0);
        int d = unloaded.workloads().delayMs().get(0);
        double bound = planner.options.p99Ms().orElse(LoadPrediction.boundFor(theory, n, d,
                unloaded.workloads().delays().get(0), unloaded.workloads().seeds().get(0)));
        Limits limits = new Limits(gather.variant().model(), gather.settings().concurrency().get(0),
                gather.settings().maxRequests().get(0));
        List<Step.Jmh> steps = new ArrayList<>(List.of(unloaded));
        if (theory.sharedLimit(limits, n).isEmpty()) {
            planner.notes.add("rate · " + gather.variant() + ": its unloaded gather only; without a limit of its own it "
                    + "saturates the machine, whose saturation the report predicts from the CPU per request");
            return steps;
        }
        for (UnderLoad.Rates rates : List.of(UnderLoad.Rates.grid, UnderLoad.Rates.overload)) {
            steps.add(new UnderLoad(UnderLoad.Load.rate, unloaded, List.of(), rates, arrivals, bound, Optional.empty()));
        }
        return steps;
    }
}
