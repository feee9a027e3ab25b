package fetchbench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the tests named {@code count} times in a row and says how many rounds passed, for showing
 * that a test holds on a busy machine ({@code scripts/stress-tests.sh} runs it beside a CPU hog).
 * A test is {@code Class} or {@code Class#method} below fetchbench, e.g. {@code model.ShapesTest#aDeadlineKeepsWhatCompletedAndCancelsTheRest}.
 */
public final class Repeat {

    private Repeat() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Repeat COUNT TEST [TEST ...]  (TEST: package.Class or package.Class#method below fetchbench)");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String test = "fetchbench." + args[i];
            selectors.add(test.contains("#") ? DiscoverySelectors.selectMethod(test) : DiscoverySelectors.selectClass(test));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        int passedRounds = 0;
        Map<String, int[]> passes = new TreeMap<>();
        TestExecutionListener perTest = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    String name = test.getUniqueId().replaceAll(".*\\[class:fetchbench\\.", "")
                            .replaceAll("\\]/\\[(?:method|test-template):", "#").replaceAll("\\]/\\[test-template-invocation:", "")
                            .replaceAll("\\]$", "") + " " + test.getDisplayName();
                    int[] counts = passes.computeIfAbsent(name, n -> new int[2]);
                    counts[0] += result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 1 : 0;
                    counts[1]++;
                }
            }
        };
        for (int round = 1; round <= count; round++) {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener, perTest);
            TestExecutionSummary summary = listener.getSummary();
            boolean passed = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0;
            passedRounds += passed ? 1 : 0;
            System.out.printf("[repeat] round %d of %d: %d tests, %d failed%n", round, count,
                    summary.getTestsFoundCount(), summary.getTotalFailureCount());
            if (!passed) {
                summary.printFailuresTo(new PrintWriter(System.out, true), 20);
            }
        }
        passes.forEach((name, counts) -> System.out.printf("[repeat] %d of %d passed: %s%n", counts[0], counts[1], name));
        System.out.printf("[repeat] %d of %d rounds passed: %s%n", passedRounds, count,
                String.join(" ", List.of(args).subList(1, args.length)));
        System.exit(passedRounds == count ? 0 : 1);
    }
}
