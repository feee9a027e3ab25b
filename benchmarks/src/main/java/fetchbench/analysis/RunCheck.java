package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.ResultKeys;
import fetchbench.result.ServerCheckOutcome;
import fetchbench.result.ServerWarmUpOutcome;
import fetchbench.stats.SignTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One check of whether a run's numbers can be trusted, passed or failed, with what it saw. The
 * console lists them after the answer, one ✓ or ✗ line each; the report and the digest too.
 *
 * @param what   what was checked, e.g. "server check"
 * @param passed whether it passed
 * @param saw    what it saw, in a few words
 */
public record RunCheck(String what, boolean passed, String saw) {

    /** Every check the run's files allow: those a run did not record (an older run's) are left out. */
    public static List<RunCheck> of(JmhRun run, List<Row> rows) {
        List<RunCheck> checks = new ArrayList<>();
        run.forkProperty(ResultKeys.SERVER_CHECK).map(ServerCheckOutcome::decode).ifPresent(outcomes -> checks.add(
                new RunCheck("server check", outcomes.stream().allMatch(ServerCheckOutcome::passed),
                        ServerCheckOutcome.describe(outcomes))));
        run.forkProperty(ResultKeys.SERVER_WARM_UP).map(ServerWarmUpOutcome::decode).ifPresent(warmUp -> checks.add(
                new RunCheck("server warm-up", warmUp.steady(),
                        warmUp.describe().replaceFirst("^Server warm-up: ", ""))));
        if (rows.stream().anyMatch(r -> r.result().secondary().containsKey(fetchbench.result.Metrics.SERVER_LATE_P99))) {
            List<Row> late = rows.stream().filter(r -> r.serverLateMs().isPresent()).toList();
            checks.add(new RunCheck("server on time", late.isEmpty(), late.isEmpty()
                    ? "no result's batches found the server late"
                    : late.size() + " of " + rows.size() + " results found the server late: " + settings(late)));
        }
        List<String> floors = Calibration.of(run).floorLines();
        if (!floors.isEmpty()) {
            checks.add(new RunCheck("client overhead (floor) measured", true, floors.size() + " floor"
                    + (floors.size() == 1 ? "" : "s") + " of the bare client, the band of every result"));
        }
        List<Row> unsteady = rows.stream().filter(r -> r.notSteady().isPresent() || r.drifting()).toList();
        checks.add(new RunCheck("steady results", unsteady.isEmpty(), unsteady.isEmpty()
                ? rows.size() + " of " + rows.size() + " results steady, none drifting"
                : unsteady.size() + " of " + rows.size() + " not steady or drifting, left out of the comparisons: "
                + settings(unsteady)));
        SignTest forks = Steadiness.acrossTheRun(run.results());
        checks.add(new RunCheck("no drift across the run", forks.pValue() >= Steadiness.DRIFT_ALPHA,
                String.format(Locale.ROOT, "%d of %d forks got faster, %d slower (sign test p = %.2g)",
                        forks.down(), forks.total(), forks.up(), forks.pValue())));
        return checks;
    }

    private static String settings(List<Row> rows) {
        return Words.list(rows.stream().map(r -> r.setting() + " at N=" + r.urls()).limit(5).toList())
                + (rows.size() > 5 ? " …" : "");
    }
}
