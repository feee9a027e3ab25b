package fetchbench.bench;

import fetchbench.result.Metrics;
import fetchbench.server.RequestCounter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What one batch cost the client and the server, read around it: the CPU time of this fork's JVM
 * and of the server's JVM, each per request the server answered; the machine's steal time, where
 * the kernel counts it; and how late the server sent its responses (the 99th percentile, against
 * the delay each stub asked for). Needs the server's counts, so nothing is recorded against a
 * server without them (an external WireMock).
 */
final class BatchCost {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** /proc/stat counts in USER_HZ ticks, 100 a second on Linux. */
    private static final double MS_PER_TICK = 10;

    private final URI server;
    private Optional<RequestCounter.Counts> before = Optional.empty();
    private long clientCpuBefore;
    private OptionalLong stealBefore = OptionalLong.empty();

    BatchCost(URI server) {
        this.server = server;
    }

    /** Reads the server first, then this JVM, so the reading itself is not the batch's client CPU. */
    Optional<RequestCounter.Counts> start() {
        before = RequestCounter.counts(server);
        stealBefore = stealTicks();
        clientCpuBefore = RequestCounter.cpuNanos();
        return before;
    }

    /** The server's counts after the batch; records the batch's costs where the server counted it. */
    Optional<RequestCounter.Counts> finish(BatchMetrics metrics) {
        long clientCpu = RequestCounter.cpuNanos();
        OptionalLong steal = stealTicks();
        Optional<RequestCounter.Counts> after = RequestCounter.counts(server);
        if (before.isPresent() && after.isPresent()) {
            record(metrics, before.get(), after.get(), clientCpu - clientCpuBefore);
        }
        if (steal.isPresent() && stealBefore.isPresent()) {
            metrics.record(Metrics.STEAL, (steal.getAsLong() - stealBefore.getAsLong()) * MS_PER_TICK, "ms");
        }
        return after;
    }

    private static void record(BatchMetrics metrics, RequestCounter.Counts before, RequestCounter.Counts after,
                               long clientCpuNanos) {
        long requests = after.requests() - before.requests();
        if (requests <= 0) {
            return;
        }
        if (clientCpuNanos >= 0) {
            metrics.record(Metrics.CLIENT_CPU, clientCpuNanos / 1000.0 / requests, "µs/request");
        }
        if (after.cpuNanos() >= 0 && before.cpuNanos() >= 0) {
            metrics.record(Metrics.SERVER_CPU, (after.cpuNanos() - before.cpuNanos()) / 1000.0 / requests,
                    "µs/request");
        }
        Histogram late = after.latenessSince(before);
        if (late.getTotalCount() > 0) {
            metrics.record(Metrics.SERVER_LATE_P99, late.getValueAtPercentile(99) / 1000.0, "ms");
        }
    }

    /** The machine's steal time so far, the 8th number of /proc/stat's "cpu" line; empty where there is none. */
    static OptionalLong stealTicks() {
        try (var lines = Files.lines(PROC_STAT)) {
            return lines.filter(line -> line.startsWith("cpu ")).findFirst()
                    .map(line -> line.substring(4).strip().split("\\s+"))
                    .filter(fields -> fields.length >= 8)
                    .map(fields -> OptionalLong.of(Long.parseLong(fields[7])))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
