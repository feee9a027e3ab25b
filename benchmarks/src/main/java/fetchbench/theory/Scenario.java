package fetchbench.theory;

import fetchbench.catalog.Limits;

import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.List;

/**
 * One operation as the theory sees it: a shape, the model's limits, and the URLs with their
 * kinds and delays. The plan and the report both build one and ask {@link Theory} about it.
 *
 * @param delayMs the d of the shape (the deadline of the deadline shape)
 */
public record Scenario(Shape shape, Limits limits, List<Shape.Planned> urls, int delayMs, CpuCost cpu) {

    /** The scenario of N URLs of the shape, delayed around d as {@code delays} spreads them. */
    public static Scenario of(Shape shape, Limits limits, int urls, int delayMs, Delays delays, long seed,
                              CpuCost cpu) {
        return new Scenario(shape, limits, shape.plan(urls, delayMs, delays, seed), delayMs, cpu);
    }
}
