package fetchbench.theory;

import fetchbench.catalog.Limits;
import fetchbench.catalog.ModelCard;

import fetchbench.model.CompletableFutures;
import fetchbench.workload.Kind;
import fetchbench.workload.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * Queueing theory for every prediction of the suite, ignoring the floor (connection set-up, CPU
 * of the client stack): a model serves c requests at a time, each slot taking the next URL in
 * order as soon as it is free (the greedy schedule). With one delay d for all N the last finishes
 * at ⌈N/c⌉·d: N·d sequentially, ⌈N/k⌉·d for a pool of k, d when unbounded. Nothing else in the
 * suite does queueing arithmetic.
 *
 * @param defaultExecutorThreads how many tasks CompletableFuture's default async executor runs at
 *                               once on the benchmarked JVM; 0 when it starts a thread per task
 */
public record Theory(int defaultExecutorThreads) {

    /**
     * For this JVM. CompletableFuture's default async executor: up to JDK 24 a new thread per task
     * when the common pool's parallelism is 1 (≤ 2 cores), else the common pool. From JDK 25
     * always the common pool, whose workers do not multiply for blocking socket reads: blocking
     * fetches then run {@code parallelism} at a time.
     */
    public static Theory here() {
        return new Theory(CompletableFutures.defaultAsyncExecutor() instanceof ForkJoinPool pool
                ? pool.getParallelism()
                : 0);
    }

    /** Requests the model has in flight at once for these limits (N when it is unbounded). */
    public int slots(Limits limits, int urls) {
        return ModelCard.heldTo(limits.card().slots(limits, urls, defaultExecutorThreads), urls);
    }

    /**
     * Requests in flight at once when {@code callers} callers each gather N URLs through one shared
     * model (see {@link ModelCard#sharedSlots}).
     */
    public int sharedSlots(Limits limits, int callers, int urls) {
        return limits.card().sharedSlots(limits, callers, urls, defaultExecutorThreads);
    }

    /** M callers' gathers of N at once through one model: ⌈M·N / shared slots⌉·d, the last caller's end. */
    public double callersMillis(Limits limits, int callers, int urls, double delayMs) {
        return waves(callers * urls, sharedSlots(limits, callers, urls)) * delayMs;
    }

    /** The most requests the model lets in flight however many callers share it (see {@link ModelCard#sharedLimit}). */
    public OptionalInt sharedLimit(Limits limits, int urls) {
        return limits.card().sharedLimit(limits, urls, defaultExecutorThreads);
    }

    /**
     * Utilisation ρ under gathers of N arriving at {@code ratePerSecond}, each request taking d: by
     * Little's law rate·N·d requests are in flight on average, against the model's shared limit;
     * and against the machine, rate·N requests a second each taking {@code requestCostMs} of it (the
     * client stack's floor per request at a large N, every core busy; NaN if unknown). The larger.
     */
    public double utilisation(Limits limits, int urls, double delayMs, double ratePerSecond, double requestCostMs) {
        double inFlight = ratePerSecond * urls * delayMs / 1000;
        double byLimit = sharedLimit(limits, urls).stream().mapToDouble(limit -> inFlight / limit).findFirst().orElse(0);
        double byCpu = Double.isNaN(requestCostMs) ? 0 : ratePerSecond * urls * requestCostMs / 1000;
        return Math.max(byLimit, byCpu);
    }

    /** The rate of gathers of N at which {@link #utilisation} reaches 1: the knee theory predicts. */
    public double capacityPerSecond(Limits limits, int urls, double delayMs, double requestCostMs) {
        double atOne = utilisation(limits, urls, delayMs, 1, requestCostMs);
        return atOne > 0 ? 1 / atOne : Double.POSITIVE_INFINITY;
    }

    /**
     * The connections a steady batch opens: those it needs at once (one per request in flight over
     * HTTP/1.1, one per {@code maxStreams} of them over HTTP/2) less those the pool kept from the
     * batch before. OkHttp's pool of 5 idle connections with 20 in flight over HTTP/1.1: 15.
     */
    public int newConnections(Limits limits, int urls, boolean http2, int maxStreams, int kept) {
        int inFlight = slots(limits, urls);
        int needed = http2 ? (int) waves(inFlight, Math.max(1, maxStreams)) : inFlight;
        return Math.max(0, needed - kept);
    }

    /** ⌈N/c⌉·d in milliseconds, for N URLs that all take {@code delayMs}. */
    public double batchMillis(Limits limits, int urls, double delayMs) {
        return waves(urls, slots(limits, urls)) * delayMs;
    }

    /** The greedy schedule in milliseconds, for URLs with their own delays, taken in this order. */
    public double batchMillis(Limits limits, List<Integer> delaysMs) {
        return last(finishTimes(delaysMs, slots(limits, delaysMs.size())));
    }

    /** ⌈N/k⌉: how many rounds k slots need for N equal fetches (the chart lines of a pool of k). */
    public static double waves(int urls, int slots) {
        return Math.ceil((double) urls / slots);
    }

    /** A client that fetches every URL at once (the bare client) finishes a batch in one delay. */
    public static double allAtOnceMs(double delayMs) {
        return delayMs;
    }

    /** The k threads of a pool the model fetches on, where it has one of its own whatever N is. */
    public OptionalInt poolOf(Limits limits) {
        return limits.card().poolOf(limits);
    }

    /**
     * One operation of a scenario, in ms: the greedy schedule of its URLs on the model's slots,
     * read the way the shape ends ({@link Shape.Ending}: the last result, the first 200, the deadline).
     */
    public double predictMs(Scenario scenario) {
        List<Shape.Planned> planned = scenario.urls();
        List<Integer> delays = planned.stream().map(Shape.Planned::delayMs).toList();
        Limits limits = scenario.limits();
        // k workers take the queue whatever the model: its concurrency is the number of workers.
        int slots = scenario.shape() == Shape.workers ? limits.card().workers(limits) : slots(limits, planned.size());
        return switch (scenario.shape().ending()) {
            case last -> last(finishTimes(delays, slots));
            case firstAnswer -> {
                long[] finished = finishTimes(delays, slots);
                long first = Long.MAX_VALUE;
                for (int i = 0; i < finished.length; i++) {
                    if (planned.get(i).kind() == Kind.OK) {
                        first = Math.min(first, finished[i]);
                    }
                }
                yield first;
            }
            case deadline -> Math.min(scenario.delayMs(), last(finishTimes(delays, slots)));
            case cpuBound -> cpuHeavyMs(scenario, delays, slots);
        };
    }

    /**
     * max(greedy schedule of d + w on the model's slots, N·w' / busy cores): more concurrency
     * helps until the cores are busy with the work, then nothing does.
     */
    private double cpuHeavyMs(Scenario scenario, List<Integer> delays, int slots) {
        CpuCost cpu = scenario.cpu();
        int n = delays.size();
        long workMs = Math.round(cpu.aloneMs());
        List<Integer> withWork = delays.stream().map(d -> (int) (d + workMs)).toList();
        Limits limits = scenario.limits();
        int workers = Math.min(n, limits.card().cpuWorkers(limits, slots, defaultExecutorThreads));
        int busyCores = Math.max(1, Math.min(workers, cpu.cores()));
        double cpuBound = n * (busyCores > 1 ? cpu.allCoresMs() : cpu.aloneMs()) / busyCores;
        return Math.max(last(finishTimes(withWork, slots)), cpuBound);
    }

    /**
     * The prediction a result is read against: queueing theory, but never below the floor (the
     * client stack's own time for N requests, measured by the run; NaN when it was not).
     */
    public static double withFloor(double theoryMs, double floorMs) {
        return Double.isNaN(floorMs) ? theoryMs : Math.max(theoryMs, floorMs);
    }

    /**
     * Where a measurement's interval lies against the band [ideal, ideal + floor] that theory
     * predicts: wholly inside it, wholly below or above it, or across one of its edges; unknown only
     * where there is no interval (a single fork); tooWide where the interval meets a band so wide
     * (over {@link #WIDEST_BAND} of its ideal) that "inside" would say nothing.
     */
    public enum Placement {
        below("below"), inside("inside"), above("above"), straddles("straddles"), unknown("unknown"),
        tooWide("band too wide");

        private final String words;

        Placement(String words) {
            this.words = words;
        }

        /** How every table and line says it. */
        public String words() {
            return words;
        }
    }

    /** A band wider than this share of its ideal is too wide to judge a model by. */
    public static final double WIDEST_BAND = 0.5;

    /**
     * The model stated before the run: a batch takes at least the schedule's ideal (waves × d, or
     * the greedy schedule) and at most that plus the client stack's own time for N requests (the
     * floor). The interval [low, high] is inside when it lies within the band, below or above when
     * it lies wholly outside, and straddles it otherwise; however wide, it is never "unknown". A
     * band too wide to judge by turns inside and straddles into tooWide: one value, so no sentence
     * can say "within" the band and "too wide to judge by" at once.
     */
    public static Placement placement(double low, double high, double idealMs, double floorMs) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return Placement.unknown;
        }
        double top = idealMs + (Double.isNaN(floorMs) ? 0 : floorMs);
        if (high < idealMs) {
            return Placement.below;
        }
        if (low > top) {
            return Placement.above;
        }
        if (tooWide(idealMs, top)) {
            return Placement.tooWide;
        }
        return low >= idealMs && high <= top ? Placement.inside : Placement.straddles;
    }

    /** Whether the band [ideal, top] is over {@link #WIDEST_BAND} of the ideal wide: too wide to tell models apart. */
    public static boolean tooWide(double idealMs, double topMs) {
        return topMs - idealMs > WIDEST_BAND * idealMs;
    }

    /**
     * Little's law, L = λ·W: to finish N fetches of mean latency W in T, about N·W/T of them must
     * be in flight at once.
     */
    public static double inFlight(int urls, double meanLatencyMs, double batchMs) {
        return urls * meanLatencyMs / batchMs;
    }

    /**
     * When each URL finishes, in ms, if c slots take the URLs in order, each the next one as soon
     * as it is free (the greedy schedule; with one delay d for all, the last finishes at ⌈N/c⌉·d).
     */
    public static long[] finishTimes(List<Integer> delaysMs, int c) {
        PriorityQueue<Long> slotsFreeAt = new PriorityQueue<>();
        for (int i = 0; i < c; i++) {
            slotsFreeAt.add(0L);
        }
        long[] finished = new long[delaysMs.size()];
        for (int i = 0; i < finished.length; i++) {
            finished[i] = slotsFreeAt.poll() + delaysMs.get(i);
            slotsFreeAt.add(finished[i]);
        }
        return finished;
    }

    private static long last(long[] finished) {
        return Arrays.stream(finished).max().orElse(0);
    }
}
