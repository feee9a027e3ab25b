package fetchbench.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The comparison axis: each constant builds one {@link ConcurrencyModel}. */
public enum Model {
    SEQUENTIAL("sequential", Sequential::new),
    THREAD_POOL("threadPool", ThreadPool::new),
    COMPLETABLE_FUTURE("completableFuture", CompletableFutures::new),
    VIRTUAL_THREADS("virtualThreads", VirtualThreads::new),
    OK_HTTP_ASYNC("okHttpAsync", OkHttpAsync::new);

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

    /** Whether the concurrency parameter changes this model (sequential and virtualThreads ignore it). */
    public boolean hasConcurrencyKnob() {
        return this == THREAD_POOL || this == COMPLETABLE_FUTURE || this == OK_HTTP_ASYNC;
    }

    public static Model byName(String name) {
        for (Model model : values()) {
            if (model.paramName.equals(name)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; allowed: " + allowedNames());
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(Model::paramName).collect(Collectors.joining(", "));
    }
}
