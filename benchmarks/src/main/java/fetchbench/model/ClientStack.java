package fetchbench.model;

/**
 * The HTTP client a model fetches with. Each stack has its own CPU cost per request, so the
 * floor is measured once per stack and each result is read against its own.
 */
public enum ClientStack {
    /** OkHttp: every model but httpClientAsync and reactor. */
    okHttp,
    /** The JDK's {@code java.net.http.HttpClient}: httpClientAsync. */
    jdkHttpClient,
    /** Reactor Netty's HttpClient: reactor. */
    reactorNetty
}
