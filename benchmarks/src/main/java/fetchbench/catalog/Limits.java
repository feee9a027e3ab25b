package fetchbench.catalog;

/**
 * What bounds a model's requests in flight: the model and its two settings.
 *
 * @param concurrency the model's {@link Knob}; 0 = the model's default
 * @param maxRequests the model's second limit, where it has one ({@link ModelCard#maxRequestsWords}); 0 = its default
 */
public record Limits(Model model, int concurrency, int maxRequests) {

    public ModelCard card() {
        return model.card();
    }
}
