package fetchbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the steps one by one, a console line each with the time so far and an estimate of the
 * rest ({@link Eta}), and keeps each step's time in the run folder ({@link StepTimes}) for the
 * next run's plan.
 */
public final class Progress {
    private final List<Step.Jmh> steps;
    private final JmhRunner runner;
    private final PrintStream out;
    private final Path folder;
    private final Eta eta;
    private final List<RunResult> done = new CopyOnWriteArrayList<>();
    private volatile int current;
    private StepTimes times;
    private final AfterStep afterStep;

    /** What the run does with its results after each step: writes them, so a run stopped later keeps them. */
    @FunctionalInterface
    public interface AfterStep {
        void stepDone(List<RunResult> done) throws IOException;
    }

    /**
     * @param folder  the run folder, where steps.json is kept
     * @param learned measured ÷ predicted of each kind of step on this machine's last run (empty: none)
     */
    public Progress(List<Step.Jmh> steps, JmhRunner runner, PrintStream out, Path folder,
                    Map<String, Double> learned, AfterStep afterStep) {
        this.afterStep = afterStep;
        this.steps = new java.util.ArrayList<>(steps);
        this.runner = runner;
        this.out = out;
        this.folder = folder;
        this.eta = new Eta(steps.stream().map(runner::predictedSeconds).toList(),
                steps.stream().map(StepTimes::kind).toList(), learned);
        this.times = new StepTimes(Runtime.getRuntime().availableProcessors(), List.of());
    }

    /** The planned seconds of the whole run, this machine's step times included. */
    public double plannedSeconds() {
        return eta.total();
    }

    public void run(PrintStream jmhLog) throws RunnerException, IOException {
        long start = System.nanoTime();
        for (int i = 0; i < steps.size(); i++) {
            if (fetchbench.result.WholeFile.stopping()) {
                throw new IOException("stopped before step " + (i + 1)); // no fork is started in a JVM on its way out
            }
            current = i;
            Step.Jmh step = steps.get(i).resolved(done);
            steps.set(i, step);
            double elapsed = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "[fetchbench] step %d/%d · %s elapsed · about %s to go · %s%n", i + 1,
                    steps.size(), minutes(elapsed), minutes(eta.remaining(i)), step.describe());
            jmhLog.printf("%n[fetchbench] step %d/%d: %s%n", i + 1, steps.size(), step.describe());
            long stepStart = System.nanoTime();
            Collection<RunResult> stepResults = runner.run(step, jmhLog);
            if (stepResults.isEmpty()) {
                throw new IllegalStateException("JMH ran nothing for step " + (i + 1) + " (check the benchmark regexp)");
            }
            done.addAll(stepResults);
            afterStep.stepDone(List.copyOf(done));
            double seconds = (System.nanoTime() - stepStart) / 1e9;
            eta.finished(i, seconds);
            keep(new StepTimes.Step(StepTimes.kind(step), step.describe(), runner.predictedSeconds(step), seconds));
        }
        current = steps.size();
        out.printf(Locale.ROOT, "[fetchbench] all %d steps done in %s%n", steps.size(),
                minutes((System.nanoTime() - start) / 1e9));
    }

    /** steps.json gains the step; a folder that cannot be written only costs the next run its learning. */
    private void keep(StepTimes.Step step) {
        times = times.with(step);
        try {
            times.write(folder);
        } catch (IOException e) {
            out.println("[fetchbench] note: could not keep the step times: " + e.getMessage());
        }
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
