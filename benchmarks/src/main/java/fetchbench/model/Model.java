package fetchbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/** The comparison axis: each constant builds one {@link ConcurrencyModel}. */
public enum Model {
    SEQUENTIAL("sequential", Sequential::new),
    THREAD_POOL("threadPool", ThreadPool::new),
    COMPLETABLE_FUTURE("completableFuture", CompletableFutures::new),
    VIRTUAL_THREADS("virtualThreads", VirtualThreads::new),
    OK_HTTP_ASYNC("okHttpAsync", OkHttpAsync::new),
    HTTP_CLIENT_ASYNC("httpClientAsync", HttpClientAsync::new),
    /** Preview API: built only by a JDK 25 and loadable only with --enable-preview, so by name. */
    STRUCTURED("structured", Model::structured);

    /** The JVM option the structured model's classes need. */
    public static final String ENABLE_PREVIEW = "--enable-preview";
    private static final String STRUCTURED_CLASS = "fetchbench.model.Structured";
    /** Java class file major versions count from 44 + the feature release (69 is Java 25). */
    private static final int CLASS_VERSION_OFFSET = 44;

    private final String paramName;
    private final Function<ModelSettings, ConcurrencyModel> factory;

    Model(String paramName, Function<ModelSettings, ConcurrencyModel> factory) {
        this.paramName = paramName;
        this.factory = factory;
    }

    /** The name used in {@code -p model=…} and in results. */
    public String paramName() {
        return paramName;
    }

    public ConcurrencyModel create(ModelSettings settings) {
        return factory.apply(settings);
    }

    /** Whether the concurrency parameter changes this model (sequential and structured ignore it). */
    public boolean hasConcurrencyKnob() {
        return this != SEQUENTIAL && this != STRUCTURED;
    }

    /** Whether a fork of this model needs {@link #ENABLE_PREVIEW}. */
    public boolean needsPreview() {
        return this == STRUCTURED;
    }

    /**
     * Why this model cannot run on this JVM, if it cannot: the structured model exists only when
     * the build's JDK compiled its preview classes, and they load only on that same feature release.
     */
    public Optional<String> unavailableReason() {
        if (this != STRUCTURED) {
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
        STRUCTURED.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        try {
            return (ConcurrencyModel) Class.forName(STRUCTURED_CLASS)
                    .getConstructor(ModelSettings.class).newInstance(settings);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("structured needs a JVM started with " + ENABLE_PREVIEW + ": " + e, e);
        }
    }

    public static Model byName(String name) {
        return ParamNames.byName(values(), Model::paramName, "model", name);
    }

    public static String allowedNames() {
        return ParamNames.allowedNames(values(), Model::paramName);
    }
}
