package fetchbench.server;

import java.util.ArrayList;
import java.util.List;

/**
 * How the local WireMock is provisioned so that it is never the bottleneck: delayed responses are
 * asynchronous (a delay holds a timer, not a thread), and there are enough container threads and
 * accept-queue slots for every one of N requests to arrive at once.
 *
 * @param containerThreads Jetty request threads
 * @param asyncThreads     threads that send delayed responses when their delay is over
 * @param acceptQueue      TCP backlog of the listening socket (the kernel caps it at somaxconn)
 * @param asynchronous     whether delayed responses are sent asynchronously (always, except to
 *                         show in tests what an under-provisioned server looks like)
 * @param maxConcurrentStreams the HTTP/2 streams a client may have open on one connection
 * @param http2            whether it speaks HTTP/2 (always, except to show in tests a client that
 *                         asked for h2 and got HTTP/1.1)
 */
public record ServerSettings(int containerThreads, int asyncThreads, int acceptQueue, boolean asynchronous,
                             int maxConcurrentStreams, boolean http2) {

    /** Jetty's own HTTP/2 stream limit, which the local server keeps unless the run sets another. */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 128;

    public ServerSettings(int containerThreads, int asyncThreads, int acceptQueue, boolean asynchronous) {
        this(containerThreads, asyncThreads, acceptQueue, asynchronous, DEFAULT_MAX_CONCURRENT_STREAMS, true);
    }

    /** The same, with another HTTP/2 stream limit. */
    public ServerSettings withMaxConcurrentStreams(int streams) {
        return new ServerSettings(containerThreads, asyncThreads, acceptQueue, asynchronous, streams, http2);
    }

    /** The same, speaking HTTP/1.1 only, on both ports. */
    public ServerSettings withoutHttp2() {
        return new ServerSettings(containerThreads, asyncThreads, acceptQueue, asynchronous, maxConcurrentStreams, false);
    }

    /** Headroom over N for Jetty's acceptor and selector threads and the admin API. */
    static final int THREAD_HEADROOM = 50;
    /** Timers only: sending a ready response is quick, so a few threads serve thousands. */
    static final int ASYNC_THREADS = 8;

    public static ServerSettings forLargestN(int largestN) {
        return new ServerSettings(largestN + THREAD_HEADROOM, ASYNC_THREADS, Math.max(largestN, 128), true);
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("--container-threads=" + containerThreads);
        args.add("--async-threads=" + asyncThreads);
        args.add("--accept-queue=" + acceptQueue);
        args.add("--asynchronous=" + asynchronous);
        args.add("--max-concurrent-streams=" + maxConcurrentStreams);
        args.add("--http2=" + http2);
        return args;
    }

    static ServerSettings fromArgs(String[] args) {
        int containerThreads = 0;
        int asyncThreads = 0;
        int acceptQueue = 0;
        boolean asynchronous = true;
        int streams = DEFAULT_MAX_CONCURRENT_STREAMS;
        boolean http2 = true;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "--container-threads" -> containerThreads = Integer.parseInt(kv[1]);
                case "--async-threads" -> asyncThreads = Integer.parseInt(kv[1]);
                case "--accept-queue" -> acceptQueue = Integer.parseInt(kv[1]);
                case "--asynchronous" -> asynchronous = Boolean.parseBoolean(kv[1]);
                case "--max-concurrent-streams" -> streams = Integer.parseInt(kv[1]);
                case "--http2" -> http2 = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown server option " + kv[0]);
            }
        }
        return new ServerSettings(containerThreads, asyncThreads, acceptQueue, asynchronous, streams, http2);
    }
}
