package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The one HTTP client configuration every model shares, and the one blocking fetch. */
public final class Http {

    /** Margin on top of the slowest expected response before a call times out. */
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private Http() {
    }

    /**
     * OkHttp with a connection pool sized for N, timeouts above the slowest response, and no
     * silent retries (a failed fetch must show up as a failed outcome, not as a slower success).
     */
    public static OkHttpClient client(ModelSettings settings) {
        Duration timeout = settings.longestResponse().plus(TIMEOUT_MARGIN);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(settings.connections(), 5, TimeUnit.MINUTES))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addInterceptor(settings.inFlight())
                .build();
    }

    public static Request get(URI url) {
        return new Request.Builder().url(url.toString()).build();
    }

    /** A blocking fetch: the whole body is read and the response closed. */
    public static Outcome fetch(OkHttpClient client, URI url) {
        long start = System.nanoTime();
        try (Response response = client.newCall(get(url)).execute()) {
            return Outcome.read(url, response, start);
        } catch (IOException e) {
            return Outcome.failed(url, e, start);
        }
    }

    /** Closes pooled connections so nothing stays open after the model is closed. */
    public static void closeConnections(OkHttpClient client) {
        client.connectionPool().evictAll();
    }
}
