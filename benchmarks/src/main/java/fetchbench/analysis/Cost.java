package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.Metrics;
import fetchbench.result.ResultKeys;
import fetchbench.stats.ForkMeans;
import java.util.List;
import java.util.Optional;

/**
 * What a setting cost per request, measured: the client's and the server's CPU per request in its
 * batches at one N (fork means), and what each request in flight held in its footprint fork (the
 * holds' values). Each figure is empty where the run did not record it (runs before it was).
 */
public record Cost(Optional<ForkMeans> clientCpuUs, Optional<ForkMeans> serverCpuUs,
                   Optional<InFlightFootprint> footprint) {

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
        Optional<JmhRun.Result> footprint = footprints.stream()
                .filter(f -> f.params().get("model").equals(row.model().name())
                        && row.variant().map(v -> f.forkProperty(ResultKeys.VARIANT).equals(Optional.of(v.name())))
                        .orElse(true))
                .findFirst();
        return new Cost(forkMeans(row.result(), Metrics.CLIENT_CPU), forkMeans(row.result(), Metrics.SERVER_CPU),
                footprint.flatMap(Cost::inFlight));
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
     * "CPU 308 ± 30 µs (server 179 ± 12); 16.1 ± 1.6 KB, 0.00 threads in flight": the client's CPU
     * per request (the server's in brackets), then the bytes (heap, stacks and native together) and
     * platform threads each request in flight held; empty where the run recorded neither.
     */
    public Optional<String> words() {
        StringBuilder text = new StringBuilder();
        if (clientCpuUs.isPresent() || serverCpuUs.isPresent()) {
            text.append("CPU ").append(us(clientCpuUs)).append(" (server ")
                    .append(serverCpuUs.map(m -> Words.meanAndError(m.mean(), m.halfWidth(), 0)).orElse("–")).append(")");
        }
        footprint.ifPresent(f -> text.append(text.isEmpty() ? "" : "; ").append(kb(f.total())).append(", ")
                .append(Words.number(f.platformThreads().mean(), "%.2f")).append(" threads in flight"));
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
