package fetchbench.model;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;

/** The one OkHttp configuration the OkHttp-based models share, and the one blocking fetch. */
public final class Http implements BlockingClient {

    /** OkHttp's own connection pool keeps this many idle connections (and for 5 minutes). */
    public static final int OKHTTP_DEFAULT_IDLE_CONNECTIONS = 5;

    /**
     * How long a request may wait in a client's own queue (Apache's lease, Jetty's queue) before it
     * fails: as long as a capped batch's waves may take, since that queue is the cap being measured.
     */
    static final Duration QUEUE_TIMEOUT = Duration.ofMinutes(10);

    /** Margin on top of the slowest expected response before a call times out. */
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private final OkHttpClient client;
    private final BodyWork bodyWork;
    private final Protocol protocol;

    /**
     * OkHttp with a connection pool sized for N, timeouts above the slowest response, and no
     * silent retries (a failed fetch must show up as a failed outcome, not as a slower success).
     */
    Http(ModelSettings settings) {
        this(settings, new Dispatcher());
    }

    /** The same, with the model's own Dispatcher (okHttpAsync sets its limits). */
    Http(ModelSettings settings, Dispatcher dispatcher) {
        this.client = configured(settings.connections(), settings.longestResponse(), settings.transport())
                .dispatcher(dispatcher)
                .addInterceptor(settings.inFlight())
                .eventListener(new ConnectCounter(settings.inFlight()))
                .build();
        settings.inFlight().countConnects();
        settings.inFlight().watch(dispatcher);
        this.bodyWork = settings.bodyWork();
        this.protocol = settings.transport().protocol();
    }

    /**
     * What every client of the suite shares, the bare client's too: pool size, timeouts, no
     * retries, and the protocol (over TLS: only the run's truststore, TLS 1.3 only).
     */
    static OkHttpClient.Builder configured(int connections, Duration longestResponse, Transport transport) {
        Duration timeout = longestResponse.plus(TIMEOUT_MARGIN);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        switch (transport.protocol()) {
            case http1 -> builder.protocols(List.of(okhttp3.Protocol.HTTP_1_1));
            case h2c -> builder.protocols(List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE));
            case https1, h2 -> {
                Tls tls = transport.requireTls();
                builder.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager())
                        .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                                .tlsVersions(TlsVersion.TLS_1_3).build()))
                        .protocols(transport.protocol() == Protocol.h2
                                ? List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1)
                                : List.of(okhttp3.Protocol.HTTP_1_1));
            }
        }
        return builder
                .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false);
    }

    /**
     * Tells the gauge each time OkHttp opens a connection (reuse shows as connects that do not
     * happen) and each time a call has ended, its response closed.
     */
    private static final class ConnectCounter extends EventListener {
        private final InFlight inFlight;

        ConnectCounter(InFlight inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            inFlight.connectStarted();
        }

        @Override
        public void callEnd(Call call) {
            inFlight.callEnded();
        }

        @Override
        public void callFailed(Call call, IOException e) {
            inFlight.callEnded();
        }
    }

    static Duration timeout(ModelSettings settings) {
        return settings.longestResponse().plus(TIMEOUT_MARGIN);
    }

    public Call call(URI url) {
        return client.newCall(new Request.Builder().url(url.toString()).build());
    }

    /** A blocking fetch: the whole body is read (and worked on) and the response closed. */
    public Outcome fetch(URI url) {
        return fetch(url, (CallGroup) null);
    }

    @Override
    public Outcome fetch(URI url, CallGroup group) {
        Call call = call(url);
        if (group != null) {
            group.add(call::cancel);
        }
        return execute(url, call, System.nanoTime());
    }

    /** A blocking fetch that OkHttp cancels when {@code timeout} has passed. */
    public Outcome fetch(URI url, Duration timeout) {
        Call call = call(url);
        call.timeout().timeout(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        return execute(url, call, System.nanoTime());
    }

    private Outcome execute(URI url, Call call, long start) {
        try (Response response = call.execute()) {
            return outcome(url, response, start);
        } catch (IOException e) {
            return Outcome.failed(url, e, start);
        }
    }

    /** The HTTP version OkHttp says a response came back in. */
    static Protocol.HttpVersion version(Response response) {
        return switch (response.protocol()) {
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> Protocol.HttpVersion.HTTP_2;
            default -> Protocol.HttpVersion.HTTP_1_1;
        };
    }

    /**
     * Reads the whole body and does the model's work on it; the caller closes the response. A
     * response in another HTTP version than the protocol's is a failed fetch.
     */
    public Outcome outcome(URI url, Response response, long startNanos) {
        String mismatch = protocol.mismatch(version(response));
        if (mismatch != null) {
            return Outcome.failed(url, new Protocol.WrongProtocolException(mismatch), startNanos);
        }
        try {
            return Outcome.response(url, response.code(), bodyWork.apply(response.body().string()), startNanos);
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(url, e, startNanos);
        }
    }

    /** Cancels every call of this client, blocking or queued: OkHttp closes their sockets. */
    @Override
    public void cancelAll() {
        client.dispatcher().cancelAll();
    }

    /** Closes pooled connections so nothing stays open after the model is closed. */
    @Override
    public void close() {
        cancelAll();
        client.connectionPool().evictAll();
    }
}
