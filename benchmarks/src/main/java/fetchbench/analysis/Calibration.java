package fetchbench.analysis;

import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.result.Param;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import java.util.function.IntPredicate;
import java.util.TreeMap;

/**
 * The bare-client results of a run: the floor per client stack, protocol and N (a 1 ms delay),
 * which no model of that stack can beat; the same with a new client per batch over TLS, which
 * tells what a new connection and its handshake cost the stack. (Runs before the cost profile
 * also measured the bare client at the run's delay, for a harness-overhead check that the cost
 * profile's "added" replaced: those results are read as nothing.)
 */
public record Calibration(Map<Over, Map<Integer, JmhRun.Metric>> floors,
                          Map<ClientStack, Map<Integer, JmhRun.Metric>> newClientFloors) {

    /** A client stack over one protocol. */
    public record Over(ClientStack stack, Protocol protocol) implements Comparable<Over> {
        @Override
        public int compareTo(Over other) {
            return stack != other.stack ? stack.compareTo(other.stack) : protocol.compareTo(other.protocol);
        }
    }

    public static Calibration of(JmhRun run) {
        Map<Over, Map<Integer, JmhRun.Metric>> floors = new TreeMap<>();
        Map<ClientStack, Map<Integer, JmhRun.Metric>> newClientFloors = new EnumMap<>(ClientStack.class);
        for (JmhRun.Result result : run.results()) {
            if (!isBare(result)) {
                continue;
            }
            Map<String, String> params = result.params();
            int n = Integer.parseInt(params.get(Param.URLS.key));
            int delay = Integer.parseInt(params.get(Param.DELAY_MS.key));
            ClientStack stack = ClientStack.valueOf(params.getOrDefault(Benchmarks.CLIENT,
                    ClientStack.okHttp.name()));
            Protocol protocol = Protocol.valueOf(params.getOrDefault(Benchmarks.PROTOCOL, Protocol.http1.name()));
            if (Boolean.parseBoolean(params.get(Benchmarks.NEW_CLIENT_PER_BATCH))) {
                newClientFloors.computeIfAbsent(stack, s -> new TreeMap<>()).put(n, result.primary());
            } else if (delay <= Benchmarks.FLOOR_DELAY_MS) { // runs before 2026-11-23 measured the floor at 0 ms
                floors.computeIfAbsent(new Over(stack, protocol), s -> new TreeMap<>()).put(n, result.primary());
            }
        }
        return new Calibration(floors, newClientFloors);
    }

    /**
     * What one new connection with its TLS handshake costs the stack at N, in ms: a batch with a
     * new client (N new connections) less the floor over HTTPS (none), over N. NaN where the run did
     * not measure both at N.
     */
    public double newConnectionMs(ClientStack stack, int n) {
        JmhRun.Metric fresh = newClientFloors.getOrDefault(stack, Map.of()).get(n);
        JmhRun.Metric kept = floors.getOrDefault(new Over(stack, Protocol.https1), Map.of()).get(n);
        if (fresh == null || kept == null) {
            return Double.NaN;
        }
        return Math.max(0, Row.toMillis(fresh.score(), fresh.unit()) - Row.toMillis(kept.score(), kept.unit())) / n;
    }

    public static boolean isBare(JmhRun.Result result) {
        return result.benchmark().equals(Benchmarks.BARE_CLIENT);
    }

    /**
     * The floor of a client stack at N in ms. Where the run did not measure N (a shape's own small
     * N), it is read between the two measured N around it, in a straight line (a request costs
     * about the same CPU at any N), or as the smallest N's below it; NaN above the largest.
     */
    public double floorMs(ClientStack stack, int n) {
        return floorMs(stack, Protocol.http1, n);
    }

    /** The same, over a protocol. */
    public double floorMs(ClientStack stack, Protocol protocol, int n) {
        NavigableMap<Integer, JmhRun.Metric> byN = new TreeMap<>(floors.getOrDefault(new Over(stack, protocol), Map.of()));
        Map.Entry<Integer, JmhRun.Metric> above = byN.ceilingEntry(n);
        if (above == null) {
            return Double.NaN;
        }
        Map.Entry<Integer, JmhRun.Metric> below = byN.floorEntry(n);
        double aboveMs = Row.toMillis(above.getValue().score(), above.getValue().unit());
        if (below == null || below.getKey() == n) {
            return below == null ? aboveMs : Row.toMillis(below.getValue().score(), below.getValue().unit());
        }
        double belowMs = Row.toMillis(below.getValue().score(), below.getValue().unit());
        return belowMs + (aboveMs - belowMs) * (n - below.getKey()) / (above.getKey() - below.getKey());
    }

    /**
     * The floor at N read between two measured N, or at one: NaN below the smallest N measured,
     * where {@link #floorMs} would read the smallest N's floor instead.
     */
    public double floorBetweenMeasured(ClientStack stack, Protocol protocol, int n) {
        Map<Integer, JmhRun.Metric> byN = floors.getOrDefault(new Over(stack, protocol), Map.of());
        return byN.keySet().stream().anyMatch(measured -> measured <= n) ? floorMs(stack, protocol, n) : Double.NaN;
    }

    /**
     * "floor at N=100 (okHttp bare client, 1 ms delay): 12.3 ± 0.4 ms", per stack, protocol and N,
     * then what a new connection costs each stack over TLS.
     */
    public List<String> floorLines() {
        List<String> lines = new ArrayList<>(floorLines(n -> true));
        newClientFloors.forEach((stack, byN) -> byN.forEach((n, fresh) -> lines.add(String.format(Locale.ROOT,
                "a new client per batch at N=%d (%s bare client over https1): %.1f%s, so a new connection "
                        + "with its handshake costs %.2f ms at this N", n, stack, Row.toMillis(fresh.score(), fresh.unit()),
                plusMinus(fresh), newConnectionMs(stack, n)))));
        return lines;
    }

    /** " ± 1.2 ms", half the fork means' 95 % interval; " ms (one fork, no interval)" with one fork. */
    private static String plusMinus(JmhRun.Metric metric) {
        double halfWidth = Steadiness.forkMeansMs(metric).halfWidth();
        return Double.isNaN(halfWidth) ? " ms (one fork, no interval)"
                : String.format(Locale.ROOT, " ± %.1f ms", halfWidth);
    }

    /** The floors' lines at the N {@code atN} picks. */
    public List<String> floorLines(IntPredicate atN) {
        List<String> lines = new ArrayList<>();
        floors.forEach((over, byN) -> byN.forEach((n, floor) -> {
            if (atN.test(n)) {
                lines.add(String.format(Locale.ROOT, "floor at N=%d (%s bare client%s, %d ms delay): %.1f%s",
                        n, over.stack(), over.protocol() == Protocol.http1 ? "" : " over " + over.protocol(),
                        Benchmarks.FLOOR_DELAY_MS, floorMs(over.stack(), over.protocol(), n), plusMinus(floor)));
            }
        }));
        return lines;
    }
}
