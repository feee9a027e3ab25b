package fetchbench.result;

import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.workload.Delays;
import java.util.Arrays;

/**
 * The benchmark parameters a user may set, with what each accepts: the JMH parameters every
 * result in jmh.json carries. They are typed (enums and numbers), so JMH refuses a bad value too;
 * the launcher checks first, to answer with one line that names the option and the allowed values.
 */
public enum Param {
    MODEL("model", "one of " + names(Model.values())),
    URLS("urls", "a positive integer (N), e.g. 10,100,1000"),
    DELAY_MS("delayMs", "an integer >= 0 (milliseconds)"),
    CONCURRENCY("concurrency", "an integer >= 0 (0 = the model's default)"),
    MAX_REQUESTS("maxRequests", "a positive integer (OkHttp's maxRequests, Apache's max total, Jetty's queue per destination)"),
    DELAY_PROFILE("delayProfile", "one of " + Delays.ALLOWED),
    CONNECTION_POOL("connectionPool", "one of " + names(ConnectionPoolSize.values())),
    PROTOCOL("protocol", "one of " + names(Protocol.values())),
    SEED("seed", "an integer"),
    CALLERS("callers", "a positive integer (M callers gathering at once through one model), e.g. 1,10,100"),
    RATE("rate", "a positive integer (gathers arriving per second, for LoadBenchmark), e.g. 40,160"),
    ARRIVALS("arrivals", "one of " + names(fetchbench.workload.Arrivals.values()));

    /** The prefix of the launcher's system properties: {@code -Dfetchbench.urls=…}. */
    public static final String PREFIX = "fetchbench.";
    /** The JMH parameter that carries a delay profile's spread ({@code delayProfile=lognormal:0.8} sets both). */
    public static final String SPREAD = "spread";

    public final String key;
    public final String allowed;

    Param(String key, String allowed) {
        this.key = key;
        this.allowed = allowed;
    }

    /** Whether this parameter accepts {@code value}. */
    public boolean accepts(String value) {
        return switch (this) {
            case MODEL -> isConstant(Model.values(), value);
            case DELAY_PROFILE -> isDelays(value);
            case CONNECTION_POOL -> isConstant(ConnectionPoolSize.values(), value);
            case PROTOCOL -> isConstant(Protocol.values(), value);
            case ARRIVALS -> isConstant(fetchbench.workload.Arrivals.values(), value);
            case URLS, MAX_REQUESTS, CALLERS, RATE -> isLong(value) && Long.parseLong(value) >= 1
                    && Long.parseLong(value) <= Integer.MAX_VALUE;
            case DELAY_MS, CONCURRENCY -> isLong(value) && Long.parseLong(value) >= 0
                    && Long.parseLong(value) <= Integer.MAX_VALUE;
            case SEED -> isLong(value);
        };
    }

    /** The one line a user sees for a value this parameter does not accept. */
    public String refusal(String value) {
        return "bad value '" + value + "' for " + key + " (-p " + key + "=… or -D" + PREFIX + key + "=…); allowed: "
                + allowed;
    }

    private static boolean isConstant(Enum<?>[] constants, String value) {
        return Arrays.stream(constants).anyMatch(c -> c.toString().equals(value));
    }

    /** The names users type for these constants, e.g. "fixed, uniform, staggered, lognormal". */
    public static String names(Enum<?>[] constants) {
        return String.join(", ", Arrays.stream(constants).map(Object::toString).toList());
    }

    private static boolean isDelays(String value) {
        try {
            Delays.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
