package fetchbench.model;

import java.util.function.UnaryOperator;

/**
 * What a model does with each response body before it counts as a result, on the model's own
 * threads: nothing for the I/O shapes, real CPU work (parse and hash) for the CPU-heavy one.
 */
@FunctionalInterface
public interface BodyWork extends UnaryOperator<String> {

    BodyWork NONE = body -> body;
}
