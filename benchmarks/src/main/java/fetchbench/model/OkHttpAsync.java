package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.Response;

/**
 * {@code Call.enqueue} with a {@code Callback}. OkHttp's Dispatcher decides the concurrency: at
 * most maxRequestsPerHost (OkHttp's default: 5) calls to one host and maxRequests (default: 64) in
 * all; the rest wait in its queue. Against one server N URLs take ⌈N/min(perHost, max)⌉·delay.
 * Callbacks run on the Dispatcher's threads; cancelling a {@code Call} closes its socket.
 */
public final class OkHttpAsync implements ConcurrencyModel {

    /** OkHttp's own Dispatcher defaults; concurrency 0 means the first. */
    public static final int OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST = 5;
    public static final int OKHTTP_DEFAULT_MAX_REQUESTS = 64;

    /** The Dispatcher's maxRequestsPerHost for a concurrency setting: OkHttp's own default for 0. */
    public static int maxRequestsPerHost(int concurrency) {
        return concurrency == 0 ? OKHTTP_DEFAULT_MAX_REQUESTS_PER_HOST : concurrency;
    }

    private final ExecutorService dispatcherThreads;
    private final Http http;

    public OkHttpAsync(ModelSettings settings) {
        if (settings.maxRequests() < 1) {
            throw new IllegalArgumentException("okHttpAsync needs maxRequests >= 1 (OkHttp's default is 64)");
        }
        // The same shape as OkHttp's own dispatcher executor, but with threads we can name and stop.
        dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Pools.platformThreads("okHttpAsync"));
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(settings.maxRequests());
        dispatcher.setMaxRequestsPerHost(maxRequestsPerHost(settings.concurrency()));
        http = new Http(settings, dispatcher);
    }

    /** Enqueues one call; its outcome, success or failure, goes to {@code then} on a Dispatcher thread. */
    private Call enqueue(URI url, Consumer<Outcome> then) {
        long start = System.nanoTime();
        Call call = http.call(url);
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                Outcome outcome;
                try (response) {
                    outcome = http.outcome(url, response, start);
                }
                // Only after close: the connection is back in the pool before the caller sees the outcome.
                then.accept(outcome);
            }

            @Override
            public void onFailure(Call call, IOException e) {
                then.accept(Outcome.failed(url, e, start));
            }
        });
        return call;
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        List<CompletableFuture<Outcome>> fetches = new ArrayList<>(urls.size());
        for (URI url : urls) {
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            enqueue(url, outcome::complete);
            fetches.add(outcome);
        }
        return fetches.stream().map(CompletableFuture::join).toList();
    }

    /** A worker is a chain of callbacks: each one files its outcome and enqueues the next URL. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        CountDownLatch finished = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            fetchNext(queue, finished);
        }
        Pools.await(finished);
        return queue.outcomes();
    }

    private void fetchNext(WorkQueue queue, CountDownLatch finished) {
        int place = queue.take();
        if (place < 0) {
            finished.countDown();
            return;
        }
        enqueue(queue.url(place), outcome -> {
            queue.done(place, outcome);
            fetchNext(queue, finished);
        });
    }

    /** Callbacks drop outcomes into a queue as they complete; this thread takes them in turn. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
        urls.forEach(url -> enqueue(url, completed::add));
        for (int i = 0; i < urls.size(); i++) {
            handler.accept(Pools.take(completed));
        }
    }

    /** The first 200 completes the winner; then every call is cancelled (a finished one ignores it). */
    @Override
    public Outcome race(List<URI> replicas) {
        CompletableFuture<Outcome> winner = new CompletableFuture<>();
        AtomicInteger unanswered = new AtomicInteger(replicas.size());
        List<Call> calls = replicas.stream().map(url -> enqueue(url, outcome -> {
            if (outcome.isOk()) {
                winner.complete(outcome);
            } else if (unanswered.decrementAndGet() == 0) {
                winner.completeExceptionally(new NoReplicaAnsweredException(replicas));
            }
        })).toList();
        try {
            return Pools.join(winner);
        } finally {
            calls.forEach(Call::cancel);
        }
    }

    /** Waits on a latch until the deadline, keeps what arrived, cancels the rest. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        AtomicReferenceArray<Outcome> arrived = new AtomicReferenceArray<>(urls.size());
        CountDownLatch allArrived = new CountDownLatch(urls.size());
        List<Call> calls = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            int place = i;
            calls.add(enqueue(urls.get(i), outcome -> {
                arrived.set(place, outcome);
                allArrived.countDown();
            }));
        }
        Pools.await(allArrived, deadline);
        List<Outcome> completed = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            if (arrived.get(i) != null) {
                completed.add(arrived.get(i));
            }
        }
        calls.forEach(Call::cancel);
        return completed;
    }

    @Override
    public void close() {
        http.cancelAll();
        Pools.shutdown(dispatcherThreads);
        http.close();
    }
}
