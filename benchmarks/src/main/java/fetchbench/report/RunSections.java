package fetchbench.report;

import fetchbench.analysis.Calibration;
import fetchbench.analysis.Row;
import fetchbench.analysis.RunCheck;
import fetchbench.analysis.Steadiness;
import fetchbench.analysis.ToldProcessors;
import fetchbench.stats.SignTest;
import fetchbench.result.JmhRun;

import fetchbench.catalog.Model;
import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Preformatted;
import fetchbench.document.Section;
import fetchbench.result.Notes;
import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.result.ServerWarmUpOutcome;
import fetchbench.result.ServerCheckOutcome;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What the run was: the machine and code, what it left out, its floor, and how to run it again. */
final class RunSections {

    private RunSections() {
    }

    static Paragraph incomplete(String why) {
        return Paragraph.warning("Incomplete run: it " + why + ". Every table and chart holds the steps that "
                + "finished before.");
    }

    /** "This run": the machine, the batches, the code, and the server check (a warning first where it failed). */
    static Section thisRun(JmhRun run, List<Row> rows, Optional<String> incomplete) {
        List<Block> blocks = new ArrayList<>();
        incomplete.ifPresent(why -> blocks.add(incomplete(why)));
        run.forkProperty(ResultKeys.SERVER_CHECK_FAILED).ifPresent(failed -> blocks.add(Paragraph.warning(
                "Server check FAILED at N=" + failed + ": the results at that N measure the server, not the models "
                        + "(they are flagged in the tables).")));
        JmhRun.Result first = rows.isEmpty() ? run.first() : rows.get(0).result();
        IntSummaryStatistics measured = run.results().stream()
                .mapToInt(r -> r.forks() * r.measurementIterations()).summaryStatistics();
        blocks.add(Paragraph.fact(run.environment() + " · JMH mode " + first.mode() + ", " + measured.getMin() + "–"
                + measured.getMax() + " measured batches per result (each result's forks and batches are in the "
                + "table)"));
        run.forkProperty(ResultKeys.TASKSET).ifPresent(cpus -> blocks.add(Paragraph.fact("Pinned with taskset "
                + "(server:forks) " + cpus + ": each JVM saw only its own CPUs and sized itself for them")));
        run.forkProperty(ResultKeys.SOURCE).ifPresent(source -> blocks.add(Paragraph.fact("Code: " + source)));
        run.forkProperty(ResultKeys.SERVER_WARM_UP).map(ServerWarmUpOutcome::decode)
                .ifPresent(warmUp -> blocks.add(warmUp.steady() ? Paragraph.fact(warmUp.describe())
                        : Paragraph.warning(warmUp.describe())));
        serverCheck(run).ifPresent(check -> blocks.add(Paragraph.fact(check)));
        // The precision of the results the tables show (told forks have their own table); the sign test counts every fork.
        blocks.add(Paragraph.fact(Steadiness.precision(run.results().stream().filter(r -> !ToldProcessors.wasTold(r)).toList())));
        SignTest forks = Steadiness.acrossTheRun(run.results());
        String drift = Steadiness.acrossTheRunInWords(forks);
        blocks.add(forks.pValue() < Steadiness.DRIFT_ALPHA ? Paragraph.warning(drift) : Paragraph.fact(drift));
        return new Section("run", "This run", blocks);
    }

    /** "Checks": one ✓ or ✗ line per check of the run (see {@link RunCheck}). */
    static Section checks(JmhRun run, List<Row> rows) {
        List<String> lines = RunCheck.of(run, rows).stream()
                .map(check -> (check.passed() ? "✓ " : "✗ ") + check.what() + ": " + check.saw()).toList();
        return new Section("checks", "Checks", List.of(Bullets.of("checks", lines)));
    }

    static Optional<String> serverCheck(JmhRun run) {
        return run.forkProperty(ResultKeys.SERVER_CHECK)
                .map(check -> "Server check: " + ServerCheckOutcome.describe(ServerCheckOutcome.decode(check)));
    }

    /** What the plan left out and why, as the run recorded it. */
    static Section leftOut(JmhRun run) {
        List<String> notes = notes(run);
        return new Section("left-out", "Left out of this run", notes.isEmpty() ? List.of() : List.of(Bullets.of(notes)));
    }

    static List<String> notes(JmhRun run) {
        return run.forkProperty(ResultKeys.NOTES).map(Notes::decode).orElse(List.of());
    }

    /** Every floor the run measured (what each setting adds to it is the cost profile's: {@link CostSection}). */
    static Section floor(Calibration calibration) {
        return floor(calibration.floorLines());
    }

    /** The floor at one N only. */
    static Section floorAt(int n, Calibration calibration) {
        return floor(calibration.floorLines(atN -> atN == n));
    }

    private static Section floor(List<String> floors) {
        return new Section("floor", "Floor", floors.isEmpty() ? List.of() : List.of(Bullets.of(floors)));
    }

    static Section reproduce(JmhRun run) {
        return new Section("reproduce", "Reproduce", List.of(new Preformatted(reproduceCommand(run))));
    }

    /** The command the run recorded, or one that asks the jar for the same parameters. */
    static String reproduceCommand(JmhRun run) {
        return run.forkProperty(ResultKeys.COMMAND).orElseGet(() -> {
            StringBuilder command = new StringBuilder("java -jar benchmarks/target/benchmarks.jar");
            List<Row> rows = Row.of(run);
            for (Param param : List.of(Param.MODEL, Param.URLS, Param.DELAY_MS, Param.CONCURRENCY, Param.MAX_REQUESTS,
                    Param.DELAY_PROFILE, Param.SEED)) {
                List<String> values = rows.stream().map(r -> param == Param.DELAY_PROFILE ? r.delays().spec()
                        : r.result().params().get(param.key)).filter(Objects::nonNull).distinct().toList();
                if (!values.isEmpty()) {
                    command.append(" -p ").append(param.key).append('=').append(String.join(",", values));
                }
            }
            JmhRun.Result first = run.first();
            return command.append(" -wi ").append(first.warmupIterations()).append(" -i ")
                    .append(first.measurementIterations()).append(" -f ").append(first.forks()).toString();
        });
    }
}
