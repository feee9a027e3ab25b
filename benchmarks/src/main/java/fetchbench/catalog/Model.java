package fetchbench.catalog;

import fetchbench.model.ClientStack;
import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import java.util.List;
import java.util.Optional;

/**
 * The comparison axis: one constant per concurrency model, each with its {@link ModelCard}. The
 * constants are named as users type them ({@code -p model=threadPool}), so JMH checks the
 * parameter itself; their order is the order every table and chart lists them in.
 */
public enum Model {
    sequential(new SequentialCard()),
    threadPool(new ThreadPoolCard()),
    completableFuture(new CompletableFutureCard()),
    virtualThreads(new VirtualThreadsCard()),
    okHttpAsync(new OkHttpAsyncCard()),
    httpClientAsync(new HttpClientAsyncCard()),
    structured(new StructuredCard()),
    reactor(new ReactorCard()),
    apacheAsync(new ApacheAsyncCard()),
    jettyAsync(new JettyAsyncCard()),
    apacheVirtualThreads(new ApacheVirtualThreadsCard());

    /**
     * The model the harness is read against: unbounded, so a gather of N takes one delay, like
     * the bare client's; the load's ideal uses it.
     */
    public static final Model UNBOUNDED_REFERENCE = virtualThreads;

    private final ModelCard card;

    Model(ModelCard card) {
        this.card = card;
    }

    /** Everything the suite knows about this model. */
    public ModelCard card() {
        return card;
    }

    /** What the concurrency parameter sets in this model. */
    public Knob knob() {
        return card.knob();
    }

    public ConcurrencyModel create(ModelSettings settings) {
        return card.create(settings);
    }

    /** Whether the maxRequests parameter changes this model. */
    public boolean takesMaxRequests() {
        return card.maxRequestsWords().isPresent();
    }

    /** Whether the concurrency parameter changes this model (sequential and structured ignore it). */
    public boolean hasConcurrencyKnob() {
        return knob() != Knob.none;
    }

    /** The HTTP client the model fetches with. */
    public ClientStack clientStack() {
        return card.clientStack();
    }

    /** The JVM options a fork of this model needs (structured: --enable-preview). */
    public List<String> jvmOptions() {
        return card.jvmOptions();
    }

    /** Why this model cannot run on this JVM, if it cannot. */
    public Optional<String> unavailableReason() {
        return card.unavailableReason();
    }
}
