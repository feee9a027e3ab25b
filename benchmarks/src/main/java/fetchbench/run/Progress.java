package fetchbench.run;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the steps one by one, a console line each with the time so far and an estimate of the
 * rest: the predicted time of the steps left, scaled by how the finished ones kept to theirs.
 */
public final class Progress {
    private final List<Step.Jmh> steps;
    private final JmhRunner runner;
    private final PrintStream out;
    private final List<RunResult> done = new CopyOnWriteArrayList<>();
    private volatile int current;

    public Progress(List<Step.Jmh> steps, JmhRunner runner, PrintStream out) {
        this.steps = new java.util.ArrayList<>(steps);
        this.runner = runner;
        this.out = out;
    }

    public void run(PrintStream jmhLog) throws RunnerException {
        long start = System.nanoTime();
        double predictedDone = 0;
        for (int i = 0; i < steps.size(); i++) {
            current = i;
            Step.Jmh step = steps.get(i).resolved(done);
            steps.set(i, step);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double pace = predictedDone > 0 ? elapsed / predictedDone : 1;
            double left = steps.subList(i, steps.size()).stream().mapToDouble(runner::predictedSeconds).sum() * pace;
            out.printf(Locale.ROOT, "[fetchbench] step %d/%d · %s elapsed · about %s to go · %s%n", i + 1,
                    steps.size(), minutes(elapsed), minutes(left), step.describe());
            jmhLog.printf("%n[fetchbench] step %d/%d: %s%n", i + 1, steps.size(), step.describe());
            Collection<RunResult> stepResults = runner.run(step, jmhLog);
            if (stepResults.isEmpty()) {
                throw new IllegalStateException("JMH ran nothing for step " + (i + 1) + " (check the benchmark regexp)");
            }
            done.addAll(stepResults);
            predictedDone += runner.predictedSeconds(step);
        }
        current = steps.size();
        out.printf(Locale.ROOT, "[fetchbench] all %d steps done in %s%n", steps.size(),
                minutes((System.nanoTime() - start) / 1e9));
    }

    public List<RunResult> done() {
        return List.copyOf(done);
    }

    /** "step 3/68 (gather · virtualThreads …)". */
    public String position() {
        int at = Math.min(current, steps.size() - 1);
        return "step " + (at + 1) + "/" + steps.size() + " (" + steps.get(at).describe() + ")";
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
