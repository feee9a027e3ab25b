package fetchbench.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every shape with the {@link ExecutorService} API and one blocking call per task. threadPool and
 * virtualThreads share it on purpose: with virtual threads only the executor changes.
 */
abstract class ExecutorServiceModel implements ConcurrencyModel {

    final BlockingClient client;
    final ExecutorService executor;

    /** On OkHttp. */
    ExecutorServiceModel(ModelSettings settings, ExecutorService executor) {
        this(new Http(settings), executor);
    }

    ExecutorServiceModel(BlockingClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    /** One blocking fetch on a thread of the executor; virtualThreads may bound how many run at once. */
    Outcome fetch(URI url, CallGroup group) {
        return client.fetch(url, group);
    }

    private List<Callable<Outcome>> fetches(List<URI> urls, CallGroup group) {
        return urls.stream().map(url -> (Callable<Outcome>) () -> fetch(url, group)).toList();
    }

    @Override
    public List<Outcome> gather(List<URI> urls) {
        return Pools.results(Pools.invokeAll(executor, fetches(urls, null)));
    }

    /** k tasks, each a worker looping over the shared queue. */
    @Override
    public List<Outcome> workers(List<URI> urls, int workers) {
        WorkQueue queue = new WorkQueue(urls);
        List<Callable<Void>> workerTasks = Collections.nCopies(workers, () -> {
            queue.drainWith(url -> fetch(url, null));
            return null;
        });
        Pools.results(Pools.invokeAll(executor, workerTasks));
        return queue.outcomes();
    }

    /** An ExecutorCompletionService hands out futures in the order they complete. */
    @Override
    public void asCompleted(List<URI> urls, Consumer<Outcome> handler) {
        ExecutorCompletionService<Outcome> completion = new ExecutorCompletionService<>(executor);
        fetches(urls, null).forEach(completion::submit);
        for (int i = 0; i < urls.size(); i++) {
            handler.accept(Pools.result(Pools.take(completion)));
        }
    }

    /**
     * invokeAny returns the first task that did not throw and cancels the others by interrupting
     * them. An interrupt does not wake a platform thread blocked on a socket read, so the losers'
     * calls are cancelled too, which closes their sockets.
     */
    @Override
    public Outcome race(List<URI> replicas) {
        CallGroup race = new CallGroup();
        List<Callable<Outcome>> tasks = replicas.stream()
                .map(url -> (Callable<Outcome>) () -> fetch(url, race).requireOk())
                .toList();
        try {
            return executor.invokeAny(tasks);
        } catch (ExecutionException e) {
            throw new NoReplicaAnsweredException(replicas);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while racing replicas", e);
        } finally {
            race.cancelAll();
        }
    }

    /** invokeAll with a timeout cancels the tasks not done by then; their calls are cancelled too. */
    @Override
    public List<Outcome> deadline(List<URI> urls, Duration deadline) {
        CallGroup batch = new CallGroup();
        List<Future<Outcome>> futures;
        try {
            futures = executor.invokeAll(fetches(urls, batch), deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        } finally {
            batch.cancelAll();
        }
        List<Outcome> completed = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            if (future.state() == Future.State.SUCCESS) {
                completed.add(future.resultNow());
            }
        }
        return completed;
    }

    @Override
    public void close() {
        client.cancelAll(); // first: an interrupt does not wake a thread blocked on a socket read
        Pools.shutdown(executor);
        client.close();
    }
}
