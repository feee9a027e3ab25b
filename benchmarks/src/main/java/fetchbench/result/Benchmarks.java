package fetchbench.result;

import java.time.Duration;

/**
 * The JMH benchmark names jmh.json records for the results that are not a shape's (a shape's is
 * {@code Shape.benchmarkName()}), and the parameters only the bare client takes.
 */
public final class Benchmarks {

    /** The package of the benchmark classes. */
    public static final String PACKAGE = "fetchbench.bench";
    /** The bare client: the floor, what a setting adds to it, and the price of a new connection. */
    public static final String BARE_CLIENT = PACKAGE + ".BareClientBenchmark.gather";
    /** What a model holds per request in flight, in forks of its own; its time is not a result. */
    public static final String FOOTPRINT = PACKAGE + ".FootprintBenchmark.footprint";
    /** M callers gathering at once through one model. */
    public static final String CALLERS = PACKAGE + ".CallersBenchmark.callers";
    /** Gathers arriving at a rate (an open loop). */
    public static final String LOAD = PACKAGE + ".LoadBenchmark.load";

    /** The bare client's parameters: its client stack, its protocol, and whether each batch makes a new client. */
    public static final String CLIENT = "client";
    public static final String PROTOCOL = "protocol";
    public static final String NEW_CLIENT_PER_BATCH = "newClientPerBatch";

    /** The floor's delay: the client stack's own time for N requests, measured through the delayed path. */
    public static final int FLOOR_DELAY_MS = 1;

    /** The load benchmark's batch: the arrivals of this long a window. */
    public static final Duration LOAD_WINDOW = Duration.ofSeconds(1);

    private Benchmarks() {
    }
}
