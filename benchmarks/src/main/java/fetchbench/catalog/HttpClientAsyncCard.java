package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.HttpClientAsync;
import fetchbench.model.ModelSettings;
import fetchbench.workload.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JDK's HttpClient.sendAsync per URL: its selector thread waits for every response at once;
 * the executor only handles the responses, so it does not bound the requests in flight.
 */
final class HttpClientAsyncCard implements ModelCard {

    @Override
    public Knob knob() {
        return Knob.executorSize;
    }

    @Override
    public ClientStack clientStack() {
        return ClientStack.jdkHttpClient;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        return new HttpClientAsync(settings);
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return urls;
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.empty();
    }

    /** The work runs on its executor: the pool of k, or by default CompletableFuture's default executor. */
    @Override
    public int cpuWorkers(Limits limits, int slots, int defaultExecutorThreads) {
        return limits.concurrency() > 0 ? limits.concurrency() : defaultExecutorThreads > 0 ? defaultExecutorThreads
                : slots;
    }

    @Override
    public String settingWords(Limits limits) {
        return limits.concurrency() == 0 ? " (default executor)" : " (executor of " + limits.concurrency() + ")";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "nothing: the executor does not bound the requests";
    }

    @Override
    public Optional<String> sweepAdvice() {
        return Optional.of("and the JDK client keeps them in flight whatever its executor's size, which only handles "
                + "the responses: the smallest executor that keeps up is enough.");
    }

    @Override
    public Look look() {
        return new Look(Look.INDIGO, Look.Marker.rectangle);
    }

    @Override
    public List<Variant> variants(Model self) {
        return List.of(
                Variant.of(self, "httpClientAsync").comparedByAllBut(Shape.cpuHeavy)
                        .playing(Variant.Role.protocols, Variant.Role.underLoadInFull, Variant.Role.clients),
                // Handling responses on an executor of POOL_SIZE: what a sweep varies.
                Variant.of(self, "httpClientAsyncPool").withConcurrency(Variant.POOL_SIZE).playing(Variant.Role.swept),
                // The default executor beside an executor of POOL_SIZE, for the CPU work on each response.
                Variant.of(self, "httpClientAsyncExecutors").withConcurrency(n -> List.of(0, Variant.POOL_SIZE))
                        .comparedBy(Shape.cpuHeavy));
    }
}
