package fetchbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * The comparison axis: each constant builds one {@link ConcurrencyModel}. The constants are named
 * as users type them ({@code -p model=threadPool}), so JMH checks the parameter itself.
 */
public enum Model {
    sequential(Sequential::new, Knob.none),
    threadPool(ThreadPool::new, Knob.poolSize),
    completableFuture(CompletableFutures::new, Knob.executorSize),
    virtualThreads(VirtualThreads::new, Knob.permits),
    okHttpAsync(OkHttpAsync::new, Knob.dispatcherLimit),
    httpClientAsync(HttpClientAsync::new, Knob.executorSize),
    /** Preview API: built only by a JDK 25 and loadable only with --enable-preview, so by name. */
    structured(Model::structured, Knob.none),
    reactor(Reactor::new, Knob.flatMapConcurrency);

    /** The JVM option the structured model's classes need. */
    public static final String ENABLE_PREVIEW = "--enable-preview";
    private static final String STRUCTURED_CLASS = "fetchbench.model.Structured";
    /** Java class file major versions count from 44 + the feature release (69 is Java 25). */
    private static final int CLASS_VERSION_OFFSET = 44;

    private final Function<ModelSettings, ConcurrencyModel> factory;
    private final Knob knob;

    Model(Function<ModelSettings, ConcurrencyModel> factory, Knob knob) {
        this.factory = factory;
        this.knob = knob;
    }

    /** What the concurrency parameter sets in this model. */
    public Knob knob() {
        return knob;
    }

    public ConcurrencyModel create(ModelSettings settings) {
        return factory.apply(settings);
    }

    /** Whether the concurrency parameter changes this model (sequential and structured ignore it). */
    public boolean hasConcurrencyKnob() {
        return knob != Knob.none;
    }

    /**
     * Whether the model's client sends a GET once more when the server closes the connection
     * without an answer: the JDK's HttpClient does, OkHttp (retries off) does not. The server
     * counts those requests twice.
     */
    public boolean resendsOnClosedConnection() {
        return clientStack() == ClientStack.jdkHttpClient;
    }

    /** The HTTP client the model fetches with. */
    public ClientStack clientStack() {
        return switch (this) {
            case httpClientAsync -> ClientStack.jdkHttpClient;
            case reactor -> ClientStack.reactorNetty;
            default -> ClientStack.okHttp;
        };
    }

    /** Whether a fork of this model needs {@link #ENABLE_PREVIEW}. */
    public boolean needsPreview() {
        return this == structured;
    }

    /**
     * Why this model cannot run on this JVM, if it cannot: the structured model exists only when
     * the build's JDK compiled its preview classes, and they load only on that same feature release.
     */
    public Optional<String> unavailableReason() {
        if (this != structured) {
            return Optional.empty();
        }
        int compiledFor = structuredClassRelease();
        int here = Runtime.version().feature();
        if (compiledFor == 0) {
            return Optional.of("structured skipped: its preview classes were not built (they need a JDK 25 "
                    + "to compile; see the README)");
        }
        if (compiledFor != here) {
            return Optional.of("structured skipped: its preview classes were built for Java " + compiledFor
                    + " and a preview API runs only on that release; this JVM is Java " + here);
        }
        return Optional.empty();
    }

    /** The Java release the Structured class file was compiled for, or 0 when it is not there. */
    private static int structuredClassRelease() {
        try (InputStream in = Model.class.getResourceAsStream("/" + STRUCTURED_CLASS.replace('.', '/') + ".class")) {
            if (in == null) {
                return 0;
            }
            byte[] header = in.readNBytes(8);
            return header.length < 8 ? 0 : (((header[6] & 0xff) << 8) | (header[7] & 0xff)) - CLASS_VERSION_OFFSET;
        } catch (IOException e) {
            return 0;
        }
    }

    private static ConcurrencyModel structured(ModelSettings settings) {
        structured.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        try {
            return (ConcurrencyModel) Class.forName(STRUCTURED_CLASS)
                    .getConstructor(ModelSettings.class).newInstance(settings);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("structured needs a JVM started with " + ENABLE_PREVIEW + ": " + e, e);
        }
    }
}
