package fetchbench.workload;

/**
 * What the server answers for each URL of a workload, and how a URL names itself: the bodies the
 * stubs send and the verification expects.
 */
public final class Responses {

    private Responses() {
    }

    /**
     * The body of the URL at {@code index} that answers 200 after {@code delayMs}: JSON with the
     * "status" field and the index the server echoes from the URL, so an answer to another URL
     * never passes for this one.
     */
    public static String body(int delayMs, int index) {
        return body(delayMs, String.valueOf(index));
    }

    /** The body with {@code index} as given: a number, or the server's template that echoes it. */
    public static String body(int delayMs, String index) {
        return "{\"" + Health.STATUS_FIELD + "\":\"ok\",\"delayMs\":" + delayMs + ",\"" + INDEX_PARAMETER + "\":\""
                + index + "\"}\n";
    }

    /** The query parameter that numbers a workload's URLs, which the server echoes in the body. */
    public static final String INDEX_PARAMETER = "i";

    /** The response template that makes the server echo the index of the URL it answers. */
    public static final String ECHOED_INDEX = "{{request.query." + INDEX_PARAMETER + "}}";

    /** A body without the "status" field, for the malformed URL. */
    public static String malformedBody() {
        return "{\"delayMs\":0}\n";
    }

    /** The server path that answers 200 after {@code delayMs}. */
    public static String path(int delayMs) {
        return Kind.OK.path(delayMs);
    }
}
