package fetchbench.workload;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import fetchbench.model.BodyWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The CPU-heavy shape's work per response: parse the large JSON body, sum its values, and hash
 * the body {@link #HASH_ROUNDS} times. A few milliseconds of one core each (the launcher measures
 * it, see {@link #measureMillis()}); the result is checked, so the work cannot be skipped.
 */
public final class CpuWork implements BodyWork {

    /** Values in a large body: about 100 KB of JSON. */
    static final int VALUES = 12_000;
    /** SHA-256 rounds over the body. */
    static final int HASH_ROUNDS = 40;

    /** Records the measured cost in the forks' JVM arguments, and so in jmh.json. */
    public static final String MILLIS_PROPERTY = "fetchbench.cpuWorkMs";

    @Override
    public String apply(String body) {
        long sum = 0;
        for (JsonElement value : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("values")) {
            sum += value.getAsLong();
        }
        byte[] digest = body.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (int round = 0; round < HASH_ROUNDS; round++) {
                sha256.update(digest);
                sha256.update(body.getBytes(StandardCharsets.UTF_8));
                digest = sha256.digest();
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return "sum=" + sum + " sha256=" + HexFormat.of().formatHex(digest);
    }

    /** The large body the server sends for {@code delayMs}: deterministic, so its digest is known. */
    public static String largeBody(int delayMs) {
        StringBuilder body = new StringBuilder(VALUES * 9);
        body.append("{\"").append(Health.STATUS_FIELD).append("\":\"ok\",\"delayMs\":").append(delayMs)
                .append(",\"values\":[");
        long value = delayMs + 1L;
        for (int i = 0; i < VALUES; i++) {
            value = (value * 1_103_515_245L + 12_345L) % 10_000_000L;
            body.append(i == 0 ? "" : ",").append(value);
        }
        return body.append("]}\n").toString();
    }

    /** The median time of the work on one body on this JVM, in ms, after a warm-up. */
    public static double measureMillis() {
        CpuWork work = new CpuWork();
        String body = largeBody(1);
        double[] millis = new double[31];
        for (int i = 0; i < 30; i++) {
            work.apply(body);
        }
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            work.apply(body);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
