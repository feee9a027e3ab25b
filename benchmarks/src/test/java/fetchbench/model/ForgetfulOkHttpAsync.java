package fetchbench.model;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.Response;

/**
 * A deliberately broken model for the tests, with OkHttp's Dispatcher at one call per host: its
 * deadline keeps what arrived in time and forgets the rest, so one call goes on running and the
 * next waits in the Dispatcher's queue. Every wind-down check must catch it. Only the deadline
 * exists.
 */
final class ForgetfulOkHttpAsync extends OneShapeModel {

    private final ExecutorService dispatcherThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("forgetful-okhttp-", 0).daemon(true).factory());
    private final Http http;

    ForgetfulOkHttpAsync(ModelSettings settings) {
        super("deadline");
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequestsPerHost(1);
        http = new Http(settings, dispatcher);
    }

    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        LinkedBlockingQueue<Outcome> arrived = new LinkedBlockingQueue<>();
        for (URI url : urls) {
            long start = System.nanoTime();
            http.call(url).enqueue(new Callback() {
                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        arrived.add(http.outcome(url, response, start));
                    }
                }

                @Override
                public void onFailure(Call call, IOException e) {
                    arrived.add(Outcome.failed(url, e, start));
                }
            });
        }
        try {
            Thread.sleep(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Outcome> completed = new ArrayList<>();
        arrived.drainTo(completed);
        return completed; // the bug: the calls still running or queued are never cancelled
    }

    @Override
    public void close() {
        http.close();
        Pools.shutdown(dispatcherThreads);
    }
}
