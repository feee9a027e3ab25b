package fetchbench.workload;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import fetchbench.model.Outcome;
import java.net.ConnectException;
import java.util.Locale;

/** The uptime monitor's verdict on one outcome: up, or the way it is down. */
public enum Health {
    UP("returned 200"),
    DOWN("is down: connection refused"),
    RESET("is failing: connection reset"),
    EMPTY("is failing: connection closed without a response"),
    SERVER_ERROR("is failing: HTTP 5xx"),
    MALFORMED("returned 200 but its body has no \"status\" field"),
    OTHER("is failing");

    /** The field a healthy body must have. */
    public static final String STATUS_FIELD = "status";

    private final String verdict;

    Health(String verdict) {
        this.verdict = verdict;
    }

    /** Classifies an outcome the same way whatever client produced it. */
    public static Health of(Outcome outcome) {
        Throwable error = outcome.error();
        if (error != null) {
            String message = messages(error);
            if (error instanceof ConnectException) {
                return DOWN;
            }
            if (message.contains("reset")) {
                return RESET;
            }
            // OkHttp: "unexpected end of stream"; the JDK client: "header parser received no bytes";
            // Reactor Netty: "connection prematurely closed before response"; Apache: "connection closed by
            // peer" (async), "the target server failed to respond" (classic); Jetty: an EOFException
            // before the response's head.
            if (message.contains("end of stream") || message.contains("no bytes")
                    || message.contains("prematurely closed before response") || message.contains("closed by peer")
                    || message.contains("failed to respond") || message.contains("eofexception")) {
                return EMPTY;
            }
            return OTHER;
        }
        if (outcome.status() >= 500) {
            return SERVER_ERROR;
        }
        if (outcome.status() != 200) {
            return OTHER;
        }
        return hasStatusField(outcome.body()) ? UP : MALFORMED;
    }

    /** The messages of an error and its causes, lower case: clients wrap the socket's own error. */
    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = error; e != null && all.length() < 2000; e = e.getCause()) {
            all.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append(" / ");
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean hasStatusField(String body) {
        try {
            return JsonParser.parseString(body) instanceof JsonObject json && json.has(STATUS_FIELD);
        } catch (JsonParseException e) {
            return false;
        }
    }

    /** One line of the uptime report, e.g. "http://…/a is down: connection refused". */
    public String report(Outcome outcome) {
        return outcome.url() + " " + verdict + (this == OTHER ? " (" + outcome.describe() + ")" : "");
    }
}
