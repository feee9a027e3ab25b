package fetchbench;

/** The text of {@code --help}. */
final class Usage {

    private Usage() {
    }

    static final String TEXT = """
            fetchbench: which concurrency model for fetching N URLs, and how to tune it.

            Usage: java -jar benchmarks/target/benchmarks.jar [benchmark regexp ...] [-p name=v1,v2 ...] [JMH options]
                   ./mvnw verify [-Dfetchbench.name=v1,v2 ...]

            Shapes, one benchmark each (a regexp such as Deadline picks them, default: all):
              gather       GatherBenchmark       fetch all N, wait for all
              workers      WorkersBenchmark      k workers (concurrency, default 2) drain a queue of unequal delays
              asCompleted  AsCompletedBenchmark  handle each result as it arrives
              race         RaceBenchmark         race N replicas, keep the first 200, cancel the rest
              deadline     DeadlineBenchmark     keep what completes within delayMs, cancel the rest
              failures     FailuresBenchmark     uptime check of refused, reset, empty, 500, slow, malformed URLs
              cpuHeavy     CpuHeavyBenchmark     gather with parse-and-hash work per response
            urls, delayMs, delayProfile, concurrency and maxRequests set GatherBenchmark's workload;
            the other shapes run at their own small N and d unless named.

            Parameters (-p name=… or -Dfetchbench.name=…; comma-separated values are all run):
              model         sequential, threadPool, completableFuture, virtualThreads, okHttpAsync,
                            httpClientAsync, structured, reactor (default: all, a few left out of
                            some shapes in the default run; structured needs a JDK 25 build)
              urls          N, URLs per batch (default: 10,100,1000; smoke: 10,100)
              delayMs       server delay per URL in ms (default: 100; smoke: 20)
              concurrency   pool size of threadPool/completableFuture, maxRequestsPerHost of okHttpAsync,
                            executor size of httpClientAsync, semaphore permits of virtualThreads,
                            flatMap concurrency of reactor;
                            0 = the model's default (default: threadPool 20, completableFuture 0,20,
                            okHttpAsync 5 and a tuned run at the largest N, others 0)
              maxRequests   OkHttp Dispatcher maxRequests (default: 64, OkHttp's own)
              delayProfile  fixed, uniform, staggered, lognormal (default: fixed)
              connectionPool sized (N idle connections kept) or okHttpDefault (OkHttp's 5) (default: sized)
              seed          seed of the random delay profiles (default: 42)
              protocol      http1, https1, h2, h2c (default: http1, and the other three for one
                            setting per client stack at one N; see docs/protocols.md)

            Run options (-Dfetchbench.name=…):
              profile       default, smoke (every model briefly), full (default plus virtualThreads
                            and okHttpSized at N=10000, 1 s delay); --plan prints how long each takes
              target        http://host:port of a running WireMock to use instead of starting one,
                            or https://host:port with truststore=PATH (and truststorePassword)
              maxConcurrentStreams  the local server's HTTP/2 stream limit (default: 128, Jetty's)
              results       folder for results (default: results)
              args          extra command-line arguments, e.g. "-p urls=100 -i 10"
              order         seed of the order the steps run in (default: drawn, printed, recorded)
              strict        true: a failed server check makes the run exit 3 (results kept, marked)
              sweep         MIN..MAX: instead of the profile, sweep each model's concurrency at one N
                            (what scripts/tune.sh runs)

            --plan prints every step with its batches and predicted time, and runs nothing.
            --check checks the options, the OS limits and the JMH lock, and runs nothing
            (./mvnw verify does this before the tests).
            JMH options such as -wi, -i and -f are passed to JMH. Results: results/<run-id>/.
            To sweep a model's setting for your own workload and get a recommendation: scripts/tune.sh --help.
            """;
}
