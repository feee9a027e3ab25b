package fetchbench.theory;

import fetchbench.model.Model;

/**
 * What bounds a model's requests in flight: the model and its two settings.
 *
 * @param concurrency the model's {@link fetchbench.model.Knob}; 0 = the model's default
 * @param maxRequests OkHttp's Dispatcher maxRequests (okHttpAsync only)
 */
public record Limits(Model model, int concurrency, int maxRequests) {
}
