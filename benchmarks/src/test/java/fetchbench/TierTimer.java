package fetchbench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of the tests, which tier ran and how long it took: the fast tier (what
 * {@code ./mvnw verify} runs before the benchmarks) or every test ({@code ./mvnw test}).
 */
public final class TierTimer implements TestExecutionListener {

    /** The tag of the tests that start processes or a server: left out of the fast tier. */
    public static final String INTEGRATION = "integration";

    private long started;
    private boolean everyTest;
    private final AtomicInteger tests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        started = System.nanoTime();
        everyTest = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(test -> test.getTags().contains(TestTag.create(INTEGRATION)));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            tests.incrementAndGet();
            // An assumption that does not hold (a model this JDK cannot build) aborts a test: a skip.
            switch (result.getStatus()) {
                case SUCCESSFUL -> { }
                case ABORTED -> skipped.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "[fetchbench] %s: %d tests, %d failed, %d skipped, in %d:%02d%n",
                everyTest ? "every test (./mvnw test)" : "fast tier (no process, no server)", tests.get(),
                failed.get(), skipped.get(), (long) seconds / 60, (long) seconds % 60);
    }
}
