package fetchbench.workload;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import fetchbench.model.BodyWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The CPU-heavy shape's work per response: parse the large JSON body, sum its values, and hash
 * the body {@link #HASH_ROUNDS} times. A few milliseconds of one core each (each benchmark fork
 * measures it, see {@link #measureMillis()}); the result is checked, so the work cannot be skipped.
 */
public final class CpuWork implements BodyWork {

    /** Values in a large body: about 30 KB of JSON. */
    static final int VALUES = 4_000;
    /** SHA-256 rounds over the body. */
    static final int HASH_ROUNDS = 500;

    @Override
    public String apply(String body) {
        long sum = 0;
        for (JsonElement value : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("values")) {
            sum += value.getAsLong();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] digest = new byte[0];
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (int round = 0; round < HASH_ROUNDS; round++) {
                sha256.update(digest);
                sha256.update(bytes);
                digest = sha256.digest();
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return "sum=" + sum + " sha256=" + HexFormat.of().formatHex(digest);
    }

    /**
     * The large body the server sends for {@code delayMs} to the URL at {@code index} (a number, or
     * the template that echoes it): deterministic, so its hash is known.
     */
    public static String largeBody(int delayMs, String index) {
        StringBuilder body = new StringBuilder(VALUES * 9);
        body.append("{\"").append(Health.STATUS_FIELD).append("\":\"ok\",\"delayMs\":").append(delayMs)
                .append(",\"").append(Responses.INDEX_PARAMETER).append("\":\"").append(index).append("\",\"values\":[");
        long value = delayMs + 1L;
        for (int i = 0; i < VALUES; i++) {
            value = (value * 1_103_515_245L + 12_345L) % 10_000_000L;
            body.append(i == 0 ? "" : ",").append(value);
        }
        return body.append("]}\n").toString();
    }

    /**
     * The median time of the work on one body on this JVM, in ms, after a warm-up, while
     * {@code threads} threads do it at once: with one, the work alone; with one per core, the
     * work when every core is busy, which is slower where cores share a physical core or caches.
     */
    public static double measureMillis(int threads) {
        String body = largeBody(1, "0");
        CpuWork work = new CpuWork();
        for (int i = 0; i < 30; i++) {
            work.apply(body);
        }
        double[][] millis = new double[threads][21];
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            double[] mine = millis[t];
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    return;
                }
                for (int i = 0; i < mine.length; i++) {
                    long begin = System.nanoTime();
                    work.apply(body);
                    mine[i] = (System.nanoTime() - begin) / 1e6;
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the work", e);
            }
        }
        double[] all = Arrays.stream(millis).flatMapToDouble(Arrays::stream).sorted().toArray();
        return all[all.length / 2];
    }
}
