package fetchbench.theory;

import fetchbench.workload.Arrivals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * What a setting's gathers of N should do under random arrivals, predicted before they run from
 * what the run measured unloaded: the gather's time alone, and the CPU per request of the client
 * and the server. Two rates:
 * <ul>
 *   <li><i>saturation</i>, where ρ = 1: the model's limit of requests in flight over the time one
 *       takes; without a limit, the machine's cores over the CPU one takes;</li>
 *   <li><i>the SLO rate</i>, the highest rate whose p99 stays within the bound, found by simulating
 *       the seeded arrivals through the model's slots (FIFO, each request holding one for the
 *       service time), or without a limit through the cores (each request taking its CPU first).</li>
 * </ul>
 * The CPU per request of an unloaded gather of a few requests is coarse (the JVM's CPU clock
 * moves in ticks of 10 ms, longer than such a gather's CPU), so it decides nothing where the
 * model has a limit: there the limit comes first on this suite's workloads.
 *
 * @param gatherMs    one gather alone, measured
 * @param slots       the model's limit of requests in flight; empty when it has none
 * @param clientCpuUs the client's CPU per request, µs; NaN when not measured
 * @param serverCpuUs the server's, on the same cores
 */
public record LoadPrediction(int urls, double gatherMs, OptionalInt slots, double clientCpuUs, double serverCpuUs,
                             int cores, double boundMs, Arrivals arrivals, long seed) {

    /** A gather's p99 is within bound up to this many times the ideal gather (every URL in flight at once). */
    public static final double BOUND_FACTOR = 4;
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

    /** The service time of one request: the gather's time over the waves its N needs of the slots. */
    public double serviceMs() {
        int waves = slots.isPresent() ? (int) Theory.waves(urls, Math.min(urls, slots.getAsInt())) : 1;
        return gatherMs / waves;
    }

    /** Gathers a second at which the model's slots are all busy; infinite without a limit. */
    public double modelSaturation() {
        return slots.isPresent() ? slots.getAsInt() * 1000.0 / (serviceMs() * urls) : Double.POSITIVE_INFINITY;
    }

    /** Gathers a second at which the cores are all busy with the client and the server; infinite when their CPU was not measured. */
    public double machineSaturation() {
        double cpu = cpuPerRequestUs();
        return Double.isNaN(cpu) || cpu <= 0 ? Double.POSITIVE_INFINITY : cores * 1e6 / (cpu * urls);
    }

    private double cpuPerRequestUs() {
        return (Double.isNaN(clientCpuUs) ? 0 : clientCpuUs) + (Double.isNaN(serverCpuUs) ? 0 : serverCpuUs);
    }

    /** The rate where ρ = 1: the model's, or without a limit the machine's. */
    public double saturation() {
        return slots.isPresent() ? modelSaturation() : machineSaturation();
    }

    public Saturates saturates() {
        if (slots.isPresent()) {
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

    /** The rates to run: {@link #GRID} times the predicted SLO rate, whole and distinct; none when there is none. */
    public List<Integer> grid() {
        double slo = sloRate();
        List<Integer> rates = new ArrayList<>();
        if (slo > 0 && !Double.isInfinite(slo)) {
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
     * The p99 of gathers arriving at {@code rate}, in ms, by simulation: each request of a gather
     * holds one of the model's slots for the service time (FIFO), or without a limit takes its CPU
     * on one of the cores (FIFO) and then the service time; a gather ends with its last request.
     */
    public double p99Ms(double rate) {
        long[] arrivalsNs = arrivals.times(rate, SIMULATED_SECONDS, seed);
        double cpuMs = cpuPerRequestUs() / 1000;
        double serviceMs = serviceMs();
        PriorityQueue<Double> cpus = freeAtZero(cpuMs > 0 && slots.isEmpty() ? cores : 0);
        PriorityQueue<Double> held = freeAtZero(slots.orElse(0));
        int skip = arrivalsNs.length / 10;
        double[] latencies = new double[Math.max(0, arrivalsNs.length - skip)];
        for (int g = 0; g < arrivalsNs.length; g++) {
            double at = arrivalsNs[g] / 1e6;
            double end = at;
            for (int r = 0; r < urls; r++) {
                double ready = at;
                if (!cpus.isEmpty()) {
                    ready = Math.max(ready, cpus.poll()) + cpuMs;
                    cpus.add(ready);
                }
                double done;
                if (held.isEmpty()) {
                    done = ready + serviceMs;
                } else {
                    done = Math.max(ready, held.poll()) + serviceMs;
                    held.add(done);
                }
                end = Math.max(end, done);
            }
            if (g >= skip) {
                latencies[g - skip] = end - at;
            }
        }
        if (latencies.length == 0) {
            return serviceMs;
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
        fields.put("gatherMs", String.format(Locale.ROOT, "%.4f", gatherMs));
        fields.put("slots", slots.isPresent() ? String.valueOf(slots.getAsInt()) : "none");
        fields.put("clientCpuUs", String.format(Locale.ROOT, "%.3f", clientCpuUs));
        fields.put("serverCpuUs", String.format(Locale.ROOT, "%.3f", serverCpuUs));
        fields.put("cores", String.valueOf(cores));
        fields.put("boundMs", String.format(Locale.ROOT, "%.3f", boundMs));
        fields.put("arrivals", arrivals.name());
        fields.put("seed", String.valueOf(seed));
        return String.join(";", fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    }

    public static LoadPrediction decode(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : text.split(";")) {
            int colon = pair.indexOf(':');
            fields.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        String slots = fields.get("slots");
        return new LoadPrediction(Integer.parseInt(fields.get("urls")), Double.parseDouble(fields.get("gatherMs")),
                slots.equals("none") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(slots)),
                Double.parseDouble(fields.get("clientCpuUs")), Double.parseDouble(fields.get("serverCpuUs")),
                Integer.parseInt(fields.get("cores")), Double.parseDouble(fields.get("boundMs")),
                Arrivals.valueOf(fields.get("arrivals")), Long.parseLong(fields.get("seed")));
    }
}
