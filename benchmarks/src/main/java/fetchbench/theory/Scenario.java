package fetchbench.theory;

import fetchbench.model.Model;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.List;

/**
 * One operation as the theory sees it: a shape, the model and its limits, and the URLs with their
 * kinds and delays. The plan and the report both build one and ask {@link Theory} about it.
 *
 * @param delayMs the d of the shape (the deadline of the deadline shape)
 */
public record Scenario(Shape shape, Model model, int concurrency, int maxRequests, List<Shape.Planned> urls,
                       int delayMs, CpuCost cpu) {

    public static Scenario of(Shape shape, Model model, int concurrency, int maxRequests, int urls, int delayMs,
                              Delays delays, long seed, CpuCost cpu) {
        return new Scenario(shape, model, concurrency, maxRequests, shape.plan(urls, delayMs, delays, seed),
                delayMs, cpu);
    }
}
