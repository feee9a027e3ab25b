package fetchbench.theory;

/**
 * The CPU-heavy shape's work per response: alone, when every core is busy with it, and the
 * cores that share it. Each fork measures it; the plan assumes a value only to budget the run.
 */
public record CpuCost(double aloneMs, double allCoresMs, int cores) {

    /** For the shapes without CPU work. */
    public static final CpuCost NONE = new CpuCost(0, 0, 1);
}
