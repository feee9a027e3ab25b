package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import fetchbench.result.ResultKeys;
import fetchbench.model.Protocol;
import fetchbench.result.Benchmarks;
import fetchbench.stats.Difference;
import fetchbench.stats.ForkMeans;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * What a setting cost per request, measured: the client's and the server's CPU per request in its
 * batches at one N (fork means), and what each request in flight held in its footprint fork (the
 * holds' values). Each figure is empty where the run did not record it (runs before it was).
 */
public record Cost(Optional<ForkMeans> clientCpuUs, Optional<ForkMeans> serverCpuUs,
                   Optional<InFlightFootprint> footprint, Optional<Added> added) {

    public Cost(Optional<ForkMeans> clientCpuUs, Optional<ForkMeans> serverCpuUs, Optional<InFlightFootprint> footprint) {
        this(clientCpuUs, serverCpuUs, footprint, Optional.empty());
    }

    /**
     * What a setting adds to its client stack's bare client at the same N and the same delay (the
     * floor's, in the cost profile, where the delay no longer hides it): its time less the bare
     * client's, with Welch's interval from both results' fork means. The suite's own overhead is in
     * it too: the bare client fetches without the harness around a model.
     */
    public record Added(int urls, ForkMeans bareMs, Difference ms) {

        /** Where the run measured the row's stack bare at the row's N and delay. */
        public static Optional<Added> of(Row row, Calibration calibration) {
            if (row.delayMs() != Benchmarks.FLOOR_DELAY_MS) {
                return Optional.empty();
            }
            return Optional.ofNullable(calibration.floors().get(new Calibration.Over(row.model().clientStack(), Protocol.http1)))
                    .map(byN -> byN.get(row.urls()))
                    .map(floor -> {
                        ForkMeans bare = Steadiness.forkMeansMs(floor);
                        return new Added(row.urls(), bare, Difference.of(bare, row.forkMeans()));
                    });
        }

        /** "4.4 [2.1 to 6.7] ms", or without brackets where either result had one fork. */
        public String interval() {
            return Double.isNaN(ms.low()) ? Words.number(ms.estimate(), "%.1f") + " ms"
                    : String.format(Locale.ROOT, "%.1f [%.1f to %.1f] ms", ms.estimate(), ms.low(), ms.high());
        }

        /** "adds 4.4 [2.1 to 6.7] ms to its bare client at N=1000", or that no cost of its own was shown. */
        public String words() {
            String at = " its bare client at N=" + urls;
            if (Double.isNaN(ms.low())) {
                return "adds " + interval() + " to" + at + " (one fork: no interval)";
            }
            if (ms.above()) {
                return "adds " + interval() + " to" + at;
            }
            return ms.high() < 0 ? String.format(Locale.ROOT, "faster than%s by %.1f [%.1f to %.1f] ms: the bare "
                    + "client is no baseline here", at, -ms.estimate(), -ms.high(), -ms.low())
                    : "no cost over" + at + " shown: " + interval();
        }
    }

    /** Bytes (heap, thread, other native) and platform threads per request in flight, over this many in flight. */
    public record InFlightFootprint(ForkMeans heapBytes, ForkMeans threadBytes, ForkMeans nativeBytes,
                                    ForkMeans platformThreads, int inFlight) {

        /** The three kinds of bytes together. */
        public double totalBytes() {
            return heapBytes.mean() + threadBytes.mean() + nativeBytes.mean();
        }

        /** The three kinds of bytes together, hold by hold. */
        public ForkMeans total() {
            List<Double> sums = new java.util.ArrayList<>();
            for (int i = 0; i < heapBytes.means().size(); i++) {
                sums.add(heapBytes.means().get(i) + at(threadBytes, i) + at(nativeBytes, i));
            }
            return new ForkMeans(sums, sums.size());
        }

        private static double at(ForkMeans values, int i) {
            return i < values.means().size() ? values.means().get(i) : 0;
        }
    }

    /** The row's CPU, and the footprint of the same setting where the run measured one. */
    public static Cost of(Row row, List<JmhRun.Result> footprints) {
        return of(row, footprints, new Calibration(Map.of(), Map.of()));
    }

    /** The row's CPU, its footprint, and what it adds to its stack's bare client where the run measured both. */
    public static Cost of(Row row, List<JmhRun.Result> footprints, Calibration calibration) {
        Optional<JmhRun.Result> footprint = footprints.stream()
                .filter(f -> f.params().get("model").equals(row.model().name())
                        && row.variant().map(v -> f.forkProperty(ResultKeys.VARIANT).equals(Optional.of(v.name())))
                        .orElse(true))
                .findFirst();
        return new Cost(forkMeans(row.result(), Metrics.CLIENT_CPU), forkMeans(row.result(), Metrics.SERVER_CPU),
                footprint.flatMap(Cost::inFlight), Added.of(row, calibration));
    }

    private static Optional<ForkMeans> forkMeans(JmhRun.Result result, String metric) {
        return Optional.ofNullable(result.secondary().get(metric)).map(m -> ForkMeans.of(m.raw()));
    }

    /** Each hold is a sample: a footprint fork holds its requests several times, on a new instance each. */
    public static Optional<InFlightFootprint> inFlight(JmhRun.Result result) {
        JmhRun.Metric heap = result.secondary().get(Metrics.HEAP_PER_REQUEST);
        JmhRun.Metric inFlight = result.secondary().get(Metrics.FOOTPRINT_IN_FLIGHT);
        if (heap == null || inFlight == null) {
            return Optional.empty();
        }
        return Optional.of(new InFlightFootprint(holds(heap), holds(result.secondary().get(Metrics.THREAD_MEMORY_PER_REQUEST)),
                holds(result.secondary().get(Metrics.NATIVE_PER_REQUEST)),
                holds(result.secondary().get(Metrics.THREADS_PER_REQUEST)), (int) Math.round(inFlight.score())));
    }

    private static ForkMeans holds(JmhRun.Metric metric) {
        List<Double> values = metric == null ? List.of() : metric.batches();
        return new ForkMeans(values, values.size());
    }

    /**
     * "CPU 308 ± 30 µs (server 179 ± 12); 16.1 ± 1.6 KB, 0.00 threads in flight; adds 4.4 [2.1 to
     * 6.7] ms to its bare client at N=1000": the client's CPU per request (the server's in brackets),
     * the bytes (heap, stacks and native together) and platform threads each request in flight held,
     * then what it added to its bare client; empty where the run recorded none of it.
     */
    public Optional<String> words() {
        StringBuilder text = new StringBuilder();
        if (clientCpuUs.isPresent() || serverCpuUs.isPresent()) {
            text.append("CPU ").append(us(clientCpuUs)).append(" (server ")
                    .append(serverCpuUs.map(m -> Words.meanAndError(m.mean(), m.halfWidth(), 0)).orElse("–")).append(")");
        }
        footprint.ifPresent(f -> text.append(text.isEmpty() ? "" : "; ").append(kb(f.total())).append(", ")
                .append(Words.number(f.platformThreads().mean(), "%.2f")).append(" threads in flight"));
        added.ifPresent(a -> text.append(text.isEmpty() ? "" : "; ").append(a.words()));
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    private static String us(Optional<ForkMeans> cpu) {
        return cpu.map(m -> Words.meanAndError(m.mean(), m.halfWidth(), 0) + " µs").orElse("–");
    }

    private static String kb(ForkMeans bytes) {
        return Words.meanAndError(bytes.mean() / 1024, bytes.halfWidth() / 1024, 1) + " KB";
    }

    @Override
    public String toString() {
        return words().orElse("no cost recorded");
    }
}
