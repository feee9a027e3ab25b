package fetchbench.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time a run has left: each step's predicted seconds, scaled by what its kind of step cost on
 * this machine in the last run (where there is one), then by how the finished steps of the same
 * kind kept to that plan. Each kind's correction starts from the plan and weighs in
 * {@value #PLAN_WEIGHT_SECONDS} s of it, and one kind's pace is never applied to another: two slow
 * floors at the start say nothing about the measurements after them.
 */
public final class Eta {

    /** How many seconds of a kind's finished steps count as much as the plan itself. */
    static final double PLAN_WEIGHT_SECONDS = 60;

    private final double[] planned;
    private final List<String> kinds;
    private final Map<String, double[]> doneByKind = new HashMap<>();

    /**
     * @param predicted each step's predicted seconds, in the order they run
     * @param kinds     each step's kind ({@link StepTimes#kind})
     * @param factors   measured ÷ predicted of each kind on this machine; a kind not in it counts 1
     */
    public Eta(List<Double> predicted, List<String> kinds, Map<String, Double> factors) {
        this.kinds = List.copyOf(kinds);
        planned = new double[predicted.size()];
        for (int i = 0; i < planned.length; i++) {
            planned[i] = predicted.get(i) * factors.getOrDefault(kinds.get(i), 1.0);
        }
    }

    /** Seconds left before step {@code i} starts. */
    public double remaining(int i) {
        double left = 0;
        for (int j = i; j < planned.length; j++) {
            double[] done = doneByKind.getOrDefault(kinds.get(j), new double[2]);
            left += planned[j] * (done[0] + PLAN_WEIGHT_SECONDS) / (done[1] + PLAN_WEIGHT_SECONDS);
        }
        return left;
    }

    /** Step {@code i} has finished in {@code seconds}. */
    public void finished(int i, double seconds) {
        double[] done = doneByKind.computeIfAbsent(kinds.get(i), k -> new double[2]);
        done[0] += seconds;
        done[1] += planned[i];
    }

    /** The whole plan in seconds. */
    public double total() {
        double total = 0;
        for (double p : planned) {
            total += p;
        }
        return total;
    }
}
