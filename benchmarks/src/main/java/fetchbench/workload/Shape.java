package fetchbench.workload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of fan-out the suite measures, each constant the shape's card: how it plans the URLs
 * of one operation, how an operation ends (what theory reads off the greedy schedule), which
 * requests the server must count, its title, and the smallest N it makes sense for. Each
 * constant's name is the shape's one name: its benchmark method, and its benchmark class with
 * "Benchmark" appended ({@code deadline} is {@code DeadlineBenchmark.deadline}). N is the
 * {@code urls} parameter (the replicas of a race); d is {@code delayMs} (the deadline of the
 * deadline shape). A new shape is a constant here, its benchmark class, its defaults in the
 * profiles and a line in the docs; the compiler asks for the rest.
 */
public enum Shape {
    /** Fetch all N and wait for every one. */
    gather("Gather", "fetch all N, wait for all",
            Ending.last, Outcome.none) {
        @Override
        public int urls(RunSize size) {
            throw new IllegalStateException("gather runs the profile's own list of N");
        }

        @Override
        public int delayMs(RunSize size, int gatherDelayMs) {
            return size == RunSize.smoke ? 20 : gatherDelayMs;
        }
    },
    /** k workers (the concurrency parameter) drain one queue of URLs with unequal delays. */
    workers("Workers", "k workers (concurrency) drain a queue of unequal delays",
            Ending.last, Outcome.none) {
        @Override
        public int urls(RunSize size) {
            return size == RunSize.full ? 20 : 8;
        }

        @Override
        public DelayProfile delayProfile() {
            return DelayProfile.staggered;
        }
    },
    /** Handle each result as it arrives; the batch ends with the last. */
    asCompleted("As completed", "handle each result as it arrives",
            Ending.last, Outcome.firstResult) {
        @Override
        public int urls(RunSize size) {
            return size == RunSize.full ? 20 : 8;
        }

        @Override
        public DelayProfile delayProfile() {
            return DelayProfile.staggered;
        }
    },
    /** N replicas of one resource, one failing at once: take the first 200, cancel the rest. */
    race("Race", "race N replicas, keep the first 200, cancel the rest",
            Ending.firstAnswer, Outcome.none) {
        @Override
        public int urls(RunSize size) {
            return size == RunSize.smoke ? 3 : 4;
        }

        @Override
        public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
            List<Planned> planned = new ArrayList<>(n);
            // The failing replica first, the winner last: neither submission order nor a failure wins.
            planned.add(new Planned(Kind.SERVER_ERROR, 0));
            for (int i = 1; i < n; i++) {
                planned.add(new Planned(Kind.OK, (n - i) * delayMs));
            }
            return planned;
        }

        @Override
        public int minimumUrls() {
            return 2;
        }
    },
    /** Half the URLs answer well within the deadline d, half long after it: keep the first, cancel the rest. */
    deadline("Deadline", "keep what completes within delayMs, cancel the rest",
            Ending.deadline, Outcome.kept) {
        @Override
        public int urls(RunSize size) {
            return size == RunSize.smoke ? 8 : 20;
        }

        /** The deadline: long enough for the fast half, whatever the run's delay. */
        @Override
        public int delayMs(RunSize size, int gatherDelayMs) {
            return size == RunSize.smoke ? 100 : 2 * super.delayMs(size, gatherDelayMs);
        }

        @Override
        public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
            List<Planned> planned = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                planned.add(new Planned(Kind.OK, i % 2 == 0
                        ? (int) Math.round(DEADLINE_FAST * delayMs) : DEADLINE_SLOW * delayMs));
            }
            return planned;
        }

        @Override
        public int minimumUrls() {
            return 2;
        }
    },
    /** An uptime check: refused, reset, empty, HTTP 500, slow and malformed URLs among healthy ones. */
    failures("Failures", "uptime check of refused, reset, empty, 500, slow, malformed URLs",
            Ending.last, Outcome.verdicts) {
        @Override
        public int urls(RunSize size) {
            return size == RunSize.full ? 21 : 7;
        }

        @Override
        public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
            List<Planned> planned = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Kind kind = FAILURE_MIX.get(i % FAILURE_MIX.size());
                boolean slow = i % FAILURE_MIX.size() == FAILURE_MIX.lastIndexOf(Kind.OK);
                planned.add(new Planned(kind, kind != Kind.OK ? 0 : slow ? FAILURES_SLOW * delayMs : delayMs));
            }
            return planned;
        }

        @Override
        public int minimumUrls() {
            return FAILURE_MIX.size();
        }
    },
    /** Gather, with parse-and-hash CPU work per response on the model's threads. */
    cpuHeavy("CPU-heavy", "gather with parse-and-hash work per response",
            Ending.cpuBound, Outcome.none) {
        @Override
        public int urls(RunSize size) {
            return switch (size) {
                case smoke -> 10;
                case standard -> 20;
                case full -> 40;
            };
        }

        /** Short delays, so the CPU work, not the wait, sets the time. */
        @Override
        public int delayMs(RunSize size, int gatherDelayMs) {
            return size == RunSize.smoke ? 10 : 20;
        }

        @Override
        public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
            return profile.delays(n, delayMs, seed).stream().map(d -> new Planned(Kind.LARGE, d)).toList();
        }
    };

    /** How one operation of a shape ends, read off the greedy schedule of its URLs. */
    public enum Ending {
        /** With its last URL. */
        last,
        /** With the first URL that answers 200; the rest are cancelled. */
        firstAnswer,
        /** With its last URL or at the deadline d, whichever comes first. */
        deadline,
        /** With its last URL, or when the cores have done every response's CPU work, whichever is later. */
        cpuBound
    }

    /** What a batch reports besides its time. */
    public enum Outcome {
        /** Nothing more. */
        none,
        /** How many results it kept before the deadline. */
        kept,
        /** How long the first result took to arrive. */
        firstResult,
        /** How many URLs it found up and down, each verdict checked against the URL's kind. */
        verdicts
    }

    /** The deadline shape: fast URLs take this share of the deadline, slow ones this multiple. */
    static final double DEADLINE_FAST = 0.4;
    static final int DEADLINE_SLOW = 4;
    /** The failures shape: the slow URL takes this multiple of d. */
    static final int FAILURES_SLOW = 3;
    /** One round of the uptime check's URL mix; N URLs repeat it. */
    static final List<Kind> FAILURE_MIX = List.of(
            Kind.OK, Kind.REFUSED, Kind.RESET, Kind.EMPTY, Kind.SERVER_ERROR, Kind.OK, Kind.MALFORMED);

    /** The package of the benchmark classes. */
    public static final String BENCHMARK_PACKAGE = "fetchbench.bench";

    private final String title;
    private final String summary;
    private final Ending ending;
    private final Outcome outcome;

    Shape(String title, String summary, Ending ending, Outcome outcome) {
        this.title = title;
        this.summary = summary;
        this.ending = ending;
        this.outcome = outcome;
    }

    /** What a batch reports besides its time. */
    public Outcome outcome() {
        return outcome;
    }

    /** What one operation does, in a line of the help. */
    public String summary() {
        return summary;
    }

    /** The shape's name in the README, the docs and the report: "As completed", "CPU-heavy". */
    public String title() {
        return title;
    }

    /** How one operation ends. */
    public Ending ending() {
        return ending;
    }

    /**
     * Whether an operation may stop before every URL reached the server (a race and a deadline
     * cancel the rest): then the server counts at least one of its requests, not all.
     */
    public boolean cancelsTheRest() {
        return ending == Ending.firstAnswer || ending == Ending.deadline;
    }

    /** The delays of its URLs by default: unequal where the order of results matters, one delay elsewhere. */
    public DelayProfile delayProfile() {
        return DelayProfile.fixed;
    }

    /** How large a run is, for the shapes' default N and delay: the smoke, default and full profiles. */
    public enum RunSize { smoke, standard, full }

    /** N of one batch in a run of this size. */
    public abstract int urls(RunSize size);

    /**
     * d of one batch in a run of this size, given the run's gather delay: few URLs per batch, so
     * half the gather's delay in the default run keeps it within its budget.
     */
    public int delayMs(RunSize size, int gatherDelayMs) {
        return switch (size) {
            case smoke -> 20;
            case standard -> gatherDelayMs / 2;
            case full -> gatherDelayMs;
        };
    }

    /** The simple name of the shape's benchmark class, e.g. DeadlineBenchmark. */
    public String benchmark() {
        return Character.toUpperCase(name().charAt(0)) + name().substring(1) + "Benchmark";
    }

    /** The JMH benchmark name, as jmh.json records it: e.g. {@code fetchbench.bench.DeadlineBenchmark.deadline}. */
    public String benchmarkName() {
        return BENCHMARK_PACKAGE + "." + benchmark() + "." + name();
    }

    /** The shape of a JMH benchmark name: its method's name. */
    public static Shape ofBenchmark(String benchmarkName) {
        return valueOf(benchmarkName.substring(benchmarkName.lastIndexOf('.') + 1));
    }

    /** The kind and delay of each of the N URLs of one operation, in order: by default N healthy URLs. */
    public List<Planned> plan(int n, int delayMs, Delays profile, long seed) {
        return profile.delays(n, delayMs, seed).stream().map(d -> new Planned(Kind.OK, d)).toList();
    }

    /** The smallest N the shape makes sense for. */
    public int minimumUrls() {
        return 1;
    }

    /** One URL before it has an address: what it does and its delay. */
    public record Planned(Kind kind, int delayMs) {
    }

    /** The address of a planned URL: on the server, or for "refused" on a port where nothing listens. */
    static URI address(Planned planned, int place, URI server, URI refusing) {
        URI base = planned.kind() == Kind.REFUSED ? refusing : server;
        return base.resolve(planned.kind().path(planned.delayMs()) + "?" + Responses.INDEX_PARAMETER + "=" + place);
    }
}
