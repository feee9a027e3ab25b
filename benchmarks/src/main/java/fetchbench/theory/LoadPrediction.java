package fetchbench.theory;

import fetchbench.workload.Arrivals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a setting's gathers of N should do under random arrivals, predicted before they run from
 * what the run measured unloaded: the gather's time alone, and the CPU of the client and the
 * server. A request holds one of the model's slots while it takes its share of a core and then
 * waits out the delay d. Alone, a gather's N requests queue for the cores, so its time over its
 * delays tells what a request takes of them: c, such that one gather simulated alone takes the
 * measured time. Two rates:
 * <ul>
 *   <li><i>saturation</i>, where ρ = 1: the model's limit L over the time a request holds a slot,
 *       L / (N·(d + c)) gathers a second, or the cores over what the requests take of them,
 *       cores / (N·c), whichever is lower;</li>
 *   <li><i>the SLO rate</i>, the highest rate whose p99 stays within the bound, found by simulating
 *       the seeded arrivals: each request takes a slot in the order it came (FIFO), then a core for
 *       c (FIFO), then d, and gives the slot back; a gather ends with its last request.</li>
 * </ul>
 * The CPU the JVMs count per request (their clocks move in ticks of 10 ms, longer than a gather of
 * a few requests takes) only says which of the client and the server takes the larger share.
 *
 * @param gatherMs    one gather alone, measured: the mean
 * @param loneMs      each gather alone the run measured: their spread about the mean is a gather's own,
 *                    which the simulation adds to each simulated gather
 * @param slots       the model's limit of requests in flight; empty when it has none
 * @param clientCpuUs the client's CPU per request the JVM counted, µs; NaN when not measured
 * @param serverCpuUs the server's, on the same cores
 */
public record LoadPrediction(int urls, int delayMs, double gatherMs, OptionalInt slots, double clientCpuUs,
                             double serverCpuUs, int cores, double boundMs, Arrivals arrivals, long seed,
                             List<Double> loneMs) {

    public LoadPrediction {
        loneMs = List.copyOf(loneMs);
    }

    /**
     * A gather's p99 is within bound up to this many times the ideal gather (every URL in flight at
     * once). On 2 busy cores an unloaded gather's own p99 is already a few times the ideal: under a
     * tighter bound a setting's own spread, not its queue, meets it, and the SLO rate says little
     * about the limit. At 8 times, a limit that lets a whole gather in flight meets the bound where
     * its queue makes p99 climb; a limit that splits a gather into waves (OkHttp's 5 per host) still
     * starts near it, and its p99 barely rises before it is met.
     */
    public static final double BOUND_FACTOR = 8;
    /** The load runs at these multiples of the predicted SLO rate … */
    public static final List<Double> GRID = List.of(0.5, 0.7, 0.85, 1.0, 1.1);
    /** … and for a short while at this multiple of saturation, for the backlog's growth. */
    public static final double OVERLOAD = 1.2;
    /** Simulated seconds of arrivals per rate; the first tenth is left out as warm-up. */
    static final double SIMULATED_SECONDS = 300;

    /** Which limit saturation is: the model's, or the machine's where the client or the server takes the larger share of its CPU. */
    public enum Saturates { model, client, server }

    /** The p99 bound of gathers whose ideal (every URL in flight at once) takes {@code idealMs}. */
    public static double boundMs(double idealMs) {
        return BOUND_FACTOR * idealMs;
    }

    /** The same for gathers of N at d as the workload spaces its delays: the ideal is theory's, every URL in flight at once. */
    public static double boundFor(Theory theory, int urls, int delayMs, fetchbench.workload.Delays delays, long seed) {
        return boundMs(theory.predictMs(Scenario.of(fetchbench.workload.Shape.gather,
                new fetchbench.catalog.Limits(fetchbench.catalog.Model.UNBOUNDED_REFERENCE, 0, 0), urls, delayMs, delays,
                seed, CpuCost.NONE)));
    }

    /** Waves of a gather alone: ⌈N/L⌉, one without a limit. */
    int waves() {
        return slots.isPresent() ? (int) Theory.waves(urls, Math.min(urls, slots.getAsInt())) : 1;
    }

    /**
     * c: what a request takes of a core, in ms, such that one gather simulated alone takes the
     * measured time (0 where it took no more than its delays). With more waves than one, a later
     * wave's share of the cores overlaps an earlier one's delay, so c is found by bisection.
     */
    public double coreMs() {
        if (gatherMs <= loneGatherMs(0)) {
            return 0;
        }
        double low = 0;
        double high = gatherMs;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (loneGatherMs(mid) < gatherMs) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** One gather simulated alone, each request taking {@code c} of a core. */
    double loneGatherMs(double c) {
        return gatherEndMs(0, c, freeAtZero(cores), freeAtZero(slots.orElse(0)));
    }

    /** When a gather arriving {@code at} ends, its requests taking slots, then cores, then the delay (see {@link #p99Ms}). */
    private double gatherEndMs(double at, double c, PriorityQueue<Double> cpus, PriorityQueue<Double> held) {
        double end = at;
        for (int r = 0; r < urls; r++) {
            double acquired = held.isEmpty() ? at : Math.max(at, held.poll());
            double computed = Math.max(acquired, cpus.poll()) + c;
            cpus.add(computed);
            double done = computed + delayMs;
            if (slots.isPresent()) {
                held.add(done);
            }
            end = Math.max(end, done);
        }
        return end;
    }

    /** How long a request holds its slot: its share of a core, then the delay. */
    public double serviceMs() {
        return delayMs + coreMs();
    }

    /** Gathers a second at which the model's slots are all busy; infinite without a limit. */
    public double modelSaturation() {
        return slots.isPresent() ? slots.getAsInt() * 1000.0 / (serviceMs() * urls) : Double.POSITIVE_INFINITY;
    }

    /** Gathers a second at which the cores are all busy with the requests; infinite where they take nothing measurable. */
    public double machineSaturation() {
        double c = coreMs();
        return c > 0 ? cores * 1000.0 / (c * urls) : Double.POSITIVE_INFINITY;
    }

    /** The rate where ρ = 1: the lower of the model's and the machine's. */
    public double saturation() {
        return Math.min(modelSaturation(), machineSaturation());
    }

    public Saturates saturates() {
        if (modelSaturation() <= machineSaturation()) {
            return Saturates.model;
        }
        return (Double.isNaN(serverCpuUs) ? 0 : serverCpuUs) > (Double.isNaN(clientCpuUs) ? 0 : clientCpuUs)
                ? Saturates.server : Saturates.client;
    }

    /** The highest rate (to 1 %) whose simulated p99 stays within the bound; 0 when even a trickle does not. */
    public double sloRate() {
        double top = saturation();
        if (Double.isInfinite(top)) {
            return Double.POSITIVE_INFINITY;
        }
        double low = top / 1000;
        if (p99Ms(low) > boundMs) {
            return 0;
        }
        if (p99Ms(top) <= boundMs) {
            return top; // within the bound up to saturation: the queue, not the tail, ends it there
        }
        double high = top;
        while (high - low > 0.01 * low) {
            double mid = (low + high) / 2;
            if (p99Ms(mid) <= boundMs) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The rates to run: {@link #GRID} times the predicted SLO rate, whole and distinct; where no
     * rate is predicted within the bound, the lowest whole one, 1 a second, which shows whether
     * that holds; none where the SLO rate is unbounded.
     */
    public List<Integer> grid() {
        double slo = sloRate();
        List<Integer> rates = new ArrayList<>();
        if (slo == 0) {
            rates.add(1);
        } else if (!Double.isInfinite(slo)) {
            for (double factor : GRID) {
                int rate = (int) Math.max(1, Math.round(factor * slo));
                if (!rates.contains(rate)) {
                    rates.add(rate);
                }
            }
        }
        return rates;
    }

    /** The overloaded rate, {@link #OVERLOAD} times saturation; empty where saturation is unknown. */
    public OptionalInt overload() {
        double top = saturation();
        return Double.isInfinite(top) ? OptionalInt.empty() : OptionalInt.of((int) Math.round(OVERLOAD * top));
    }

    /**
     * The p99 of gathers arriving at {@code rate}, in ms, by simulation: each request takes one of
     * the model's slots in the order it came (without a limit it need not wait), then one of the
     * cores for c in the same order, then the delay, and gives its slot back; a gather ends with
     * its last request, give or take its own spread, drawn from the unloaded gathers'. Both queues
     * are first come, first served, so one pass in arrival order replays them.
     */
    public double p99Ms(double rate) {
        long[] arrivalsNs = arrivals.times(rate, SIMULATED_SECONDS, seed);
        double c = coreMs();
        Random spread = new Random(seed + 1);
        double loneMean = loneMs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        PriorityQueue<Double> cpus = freeAtZero(cores);
        PriorityQueue<Double> held = freeAtZero(slots.orElse(0));
        int skip = arrivalsNs.length / 10;
        double[] latencies = new double[Math.max(0, arrivalsNs.length - skip)];
        for (int g = 0; g < arrivalsNs.length; g++) {
            double at = arrivalsNs[g] / 1e6;
            double end = gatherEndMs(at, c, cpus, held);
            // A gather's own spread, as the unloaded ones had it: a pause, a slow thread hand-off.
            double own = loneMs.isEmpty() ? 0 : loneMs.get(spread.nextInt(loneMs.size())) - loneMean;
            if (g >= skip) {
                latencies[g - skip] = Math.max(0, end - at + own);
            }
        }
        if (latencies.length == 0) {
            return serviceMs();
        }
        Arrays.sort(latencies);
        return latencies[(int) Math.min(latencies.length - 1, Math.ceil(0.99 * latencies.length) - 1)];
    }

    private static PriorityQueue<Double> freeAtZero(int servers) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < servers; i++) {
            free.add(0.0);
        }
        return free;
    }

    /** The prediction as a fork property's value, which the report reads back ({@link #decode}). */
    public String encode() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("urls", String.valueOf(urls));
        fields.put("delayMs", String.valueOf(delayMs));
        fields.put("gatherMs", String.format(Locale.ROOT, "%.4f", gatherMs));
        fields.put("slots", slots.isPresent() ? String.valueOf(slots.getAsInt()) : "none");
        fields.put("clientCpuUs", String.format(Locale.ROOT, "%.3f", clientCpuUs));
        fields.put("serverCpuUs", String.format(Locale.ROOT, "%.3f", serverCpuUs));
        fields.put("cores", String.valueOf(cores));
        fields.put("boundMs", String.format(Locale.ROOT, "%.3f", boundMs));
        fields.put("arrivals", arrivals.name());
        fields.put("seed", String.valueOf(seed));
        fields.put("loneMs", String.join(",", loneMs.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
        return String.join(";", fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    }

    public static LoadPrediction decode(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : text.split(";")) {
            int colon = pair.indexOf(':');
            fields.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        String slots = fields.get("slots");
        return new LoadPrediction(Integer.parseInt(fields.get("urls")), Integer.parseInt(fields.get("delayMs")),
                Double.parseDouble(fields.get("gatherMs")),
                slots.equals("none") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(slots)),
                Double.parseDouble(fields.get("clientCpuUs")), Double.parseDouble(fields.get("serverCpuUs")),
                Integer.parseInt(fields.get("cores")), Double.parseDouble(fields.get("boundMs")),
                Arrivals.valueOf(fields.get("arrivals")), Long.parseLong(fields.get("seed")),
                fields.getOrDefault("loneMs", "").isEmpty() ? List.of()
                        : java.util.Arrays.stream(fields.get("loneMs").split(",")).map(Double::valueOf).toList());
    }
}
