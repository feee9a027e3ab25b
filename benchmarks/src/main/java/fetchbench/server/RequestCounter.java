package fetchbench.server;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts, in the server JVM, every request the server has answered, and tells the count on its
 * admin API with the connections clients opened ({@link ConnectionCounter}): the check that a
 * model really sent what it had to, which its answers alone cannot show (the request journal,
 * which could, is off for speed). A server without this extension (an external WireMock) has no
 * count, and the check is skipped.
 *
 * <p>It also tells what the server itself cost, so that it cannot hide in a client's time: the
 * server JVM's CPU time so far, and a histogram of how late each response was sent against the
 * delay its stub asked for, timed from when WireMock took the request to when the response was
 * sent. Both are running totals; a batch's share is the difference of two readings.
 */
public final class RequestCounter implements ServeEventListener, AdminApiExtension {

    /** Where the admin API tells the count. */
    static final String PATH = "/fetchbench/requests";
    private static final String FIELD = "requests";
    private static final String CONNECTIONS = "connections";
    private static final String CPU = "cpuNanos";
    private static final String LATENESS = "latenessMicros";
    /** Lateness up to an hour, to 2 significant digits. */
    private static final long LATENESS_MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final AtomicLong requests = new AtomicLong();
    private final ConnectionCounter connections;
    private final Map<UUID, Long> takenAt = new ConcurrentHashMap<>();
    private final Histogram lateness = new ConcurrentHistogram(LATENESS_MAX_MICROS, 2);

    RequestCounter(ConnectionCounter connections) {
        this.connections = connections;
    }

    /**
     * What the server has counted so far: requests answered, connections opened per port, its
     * JVM's CPU time (-1 where the JVM does not tell it), and how late its responses were, in µs.
     */
    public record Counts(long requests, Map<Integer, Long> connectionsByPort, long cpuNanos, Histogram lateness) {
        /** Connections opened so far on the port of {@code server}. */
        public long connections(URI server) {
            return connectionsByPort.getOrDefault(server.getPort(), 0L);
        }

        /** The responses' lateness between {@code before} and these counts, in µs. */
        public Histogram latenessSince(Counts before) {
            Histogram since = lateness.copy();
            since.subtract(before.lateness);
            return since;
        }
    }

    @Override
    public String getName() {
        return "fetchbench-request-counter";
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        takenAt.put(serveEvent.getId(), System.nanoTime());
    }

    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
        requests.incrementAndGet();
    }

    /** Called once the response is sent, after its delay, on whichever thread sent it. */
    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        Long start = takenAt.remove(serveEvent.getId());
        if (start == null) {
            return;
        }
        Integer delayMs = serveEvent.getResponseDefinition() == null ? null
                : serveEvent.getResponseDefinition().getFixedDelayMilliseconds();
        long lateMicros = (System.nanoTime() - start) / 1000 - (delayMs == null ? 0 : delayMs * 1000L);
        lateness.recordValue(Math.clamp(lateMicros, 0, LATENESS_MAX_MICROS));
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, PATH, (admin, serveEvent, pathParams) ->
                ResponseDefinition.okForJson(Map.of(FIELD, requests.get(), CONNECTIONS, connections.counts(),
                        CPU, cpuNanos(), LATENESS, encode(lateness.copy()))));
    }

    /** This JVM's CPU time so far, user and system, in ns; -1 where the JVM does not tell it. */
    public static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("the server's lateness histogram does not decode: " + e, e);
        }
    }

    /** The request count so far on {@code server}, or empty when the server does not count. */
    public static OptionalLong read(URI server) {
        return counts(server).map(counts -> OptionalLong.of(counts.requests())).orElse(OptionalLong.empty());
    }

    /** What {@code server} has counted so far, or empty when it does not count. */
    public static Optional<Counts> counts(URI server) {
        try {
            Admin.Answer answer = Admin.get(server, "/__admin" + PATH);
            if (answer.status() != 200) {
                return Optional.empty();
            }
            JsonObject json = JsonParser.parseString(answer.body()).getAsJsonObject();
            Map<Integer, Long> byPort = new TreeMap<>();
            if (json.has(CONNECTIONS)) {
                json.getAsJsonObject(CONNECTIONS).entrySet().forEach(entry ->
                        byPort.put(Integer.parseInt(entry.getKey()), entry.getValue().getAsLong()));
            }
            long cpu = json.has(CPU) ? json.get(CPU).getAsLong() : -1;
            Histogram late = json.has(LATENESS) ? decode(json.get(LATENESS).getAsString())
                    : new Histogram(LATENESS_MAX_MICROS, 2);
            return Optional.of(new Counts(json.get(FIELD).getAsLong(), byPort, cpu, late));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the request count of " + server + ": " + e, e);
        }
    }
}
