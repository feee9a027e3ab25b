package fetchbench.catalog;

/**
 * What bounds a model's requests in flight: the model and its two settings.
 *
 * @param concurrency the model's {@link Knob}; 0 = the model's default
 * @param maxRequests OkHttp's Dispatcher maxRequests (okHttpAsync only)
 */
public record Limits(Model model, int concurrency, int maxRequests) {

    public ModelCard card() {
        return model.card();
    }
}
