package fetchbench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WireMock in a JVM of its own, so the server never competes with the client for heap, GC or JIT,
 * bound to 127.0.0.1 on a free port. Stopped by {@link #close()}, by a shutdown hook on Ctrl-C,
 * and by itself when this JVM dies (see {@link ServerMain}).
 */
public final class ServerProcess implements TargetServer {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final ServerSettings settings;
    private final URI baseUri;
    private final URI tlsBaseUri;
    private final Certificates certificates;
    private final Thread shutdownHook;

    private ServerProcess(Process process, Thread shutdownHook, ServerSettings settings, URI baseUri,
                          URI tlsBaseUri, Certificates certificates) {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.settings = settings;
        this.baseUri = baseUri;
        this.tlsBaseUri = tlsBaseUri;
        this.certificates = certificates;
    }

    /**
     * A fixed heap, large for what one batch allocates, so a garbage collection is rare and does
     * not land in most batches (the benchmark forks get the same).
     */
    public static final List<String> FIXED_HEAP = List.of("-Xms2g", "-Xmx2g");

    /**
     * What every JVM the suite starts (the server, each fork) is allowed, so that none prints the
     * JDK's warnings for its libraries: Netty loads native code, JMH and the server's libraries use
     * sun.misc.Unsafe (both warned of from JDK 24). The Unsafe setting is the property the
     * launcher's --sun-misc-unsafe-memory-access sets; unlike that option, a JDK 21 accepts it.
     * The Maven build and the scripts start the launcher JVM with the same two.
     */
    public static final List<String> QUIET_JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-Dsun.misc.unsafe.memory.access=allow");

    /**
     * Starts the server with this JVM's java and class path and waits until it listens: cleartext
     * on one port, TLS with this JVM's certificate on another.
     */
    public static ServerProcess start(ServerSettings settings) throws IOException {
        return start(settings, List.of());
    }

    /** The same, its java started by {@code launcher} (e.g. {@code taskset -c 0}), which must exec it. */
    public static ServerProcess start(ServerSettings settings, List<String> launcher) throws IOException {
        Certificates certificates = Certificates.ofThisJvm();
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FIXED_HEAP);
        command.addAll(QUIET_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerMain.class.getName());
        command.add(ServerMain.KEYSTORE + certificates.keystore());
        command.add(ServerMain.KEYSTORE_PASSWORD + certificates.keystorePassword());
        command.addAll(settings.toArgs());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // Stopped with this JVM from the moment it exists: Ctrl-C while it starts must not leave it.
        Thread shutdownHook = new Thread(process::destroyForcibly, "fetchbench-server-stopper");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException stopping) {
            process.destroyForcibly();
            throw new IOException("stopped while the WireMock server was starting");
        }
        try {
            int[] ports = awaitReady(process);
            return new ServerProcess(process, shutdownHook, settings, URI.create("http://127.0.0.1:" + ports[0]),
                    URI.create("https://127.0.0.1:" + ports[1]), certificates);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            removeHook(shutdownHook);
            throw e;
        }
    }

    /** Waits for the ready line on a reader thread, so a server that hangs silently still times out. */
    private static int[] awaitReady(Process process) throws IOException {
        CompletableFuture<int[]> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, port), "fetchbench-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("WireMock server did not start (no ready line within "
                    + START_TIMEOUT_SECONDS + " s); its output is above");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the WireMock server", e);
        }
    }

    /** Passes the server's output on to stderr, and its two ports to {@code port} when it is ready. */
    private static void readOutput(Process process, CompletableFuture<int[]> port) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!port.isDone() && line.startsWith(ServerMain.READY)) {
                    String[] ports = line.substring(ServerMain.READY.length()).split(ServerMain.TLS_PORT);
                    port.complete(new int[] {Integer.parseInt(ports[0].strip()), Integer.parseInt(ports[1].strip())});
                } else {
                    System.err.println("[server] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("the server exited"));
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<URI> tlsBaseUri() {
        return Optional.of(tlsBaseUri);
    }

    @Override
    public Optional<Trust> trust() {
        return Optional.of(new Trust(certificates.truststore(), certificates.truststorePassword()));
    }

    public ServerSettings settings() {
        return settings;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("kind", "local WireMock in its own JVM");
        server.put("url", baseUri.toString());
        server.put("tlsUrl", tlsBaseUri.toString());
        server.put("certificate", "made for this run: EC P-256, self-signed for 127.0.0.1; the clients trust only it, "
                + "over TLS 1.3");
        server.put("http2", settings.http2() ? "h2c on the cleartext port, h2 by ALPN on the TLS port" : "none: HTTP/1.1 only");
        server.put("maxConcurrentStreams", settings.maxConcurrentStreams());
        server.put("containerThreads", settings.containerThreads());
        server.put("asyncResponseThreads", settings.asyncThreads());
        server.put("acceptQueue", settings.acceptQueue());
        server.put("asynchronousResponses", settings.asynchronous());
        server.put("requestJournal", false);
        server.put("requestLogging", false);
        return server;
    }

    /** Closes the server's stdin so it stops itself; forces it if it takes too long. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            removeHook(shutdownHook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; it stops the process too.
        }
    }

    @Override
    public Optional<String> stopped() {
        return process.isAlive() ? Optional.empty() : Optional.of("the WireMock server (pid " + process.pid()
                + ") stopped during the run, exit code " + process.exitValue());
    }
}
