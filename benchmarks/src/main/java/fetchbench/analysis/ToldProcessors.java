package fetchbench.analysis;

import fetchbench.result.JmhRun;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import fetchbench.theory.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cost profile's cpus axis: each setting at one N on the machine's own JVM and again in forks
 * told they have more processors ({@code -XX:ActiveProcessorCount}), on the same cores. What the
 * JVM sizes from the count changes (the common pool, the virtual threads' carriers, GC threads);
 * the CPU to run them does not. Told over the machine's time, tested as one family.
 *
 * @param machine the setting as the machine's JVM ran it
 * @param told    the same setting in forks told {@code processors}
 */
public record ToldProcessors(Row machine, Row told, int processors, Ratio ratio, Judgement judgement) {

    /** Whether a fork was told another processor count: its result is this comparison's, not the run's rows'. */
    public static boolean wasTold(JmhRun.Result result) {
        return result.forkProperty(ResultKeys.TOLD_PROCESSORS).isPresent();
    }

    private static int processors(JmhRun.Result result) {
        try {
            return Integer.parseInt(result.forkProperty(ResultKeys.TOLD_PROCESSORS).orElseThrow());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every told result beside the machine's own row of the same setting and N, in the rows' reading order. */
    public static List<ToldProcessors> of(JmhRun run, List<Row> rows) {
        Calibration calibration = Calibration.of(run);
        Set<JmhRun.Result> drifting = Steadiness.drifting(run.results());
        List<Row[]> pairs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (JmhRun.Result result : run.results().stream().filter(ToldProcessors::wasTold).toList()) {
            int processors = processors(result);
            if (processors < 3) {
                continue; // not a count the suite tells (Machine#told): no prediction to read it by
            }
            Row told = Row.of(result, Machine.told(processors).theory(), calibration, drifting.contains(result));
            Optional<Row> own = rows.stream().filter(r -> !r.isSweep() && r.variant().equals(told.variant())
                    && r.settingKey().equals(told.settingKey()) && r.urls() == told.urls()
                    && r.result().params().equals(result.params())).findFirst();
            own.ifPresent(machineRow -> {
                pairs.add(new Row[] {machineRow, told});
                counts.add(processors);
            });
        }
        List<Ratio> ratios = pairs.stream().map(p -> Ratio.of(p[0].forkMeans(), p[1].forkMeans(), Margin.current())).toList();
        List<Judgement> judgements = Judgement.of(ratios);
        List<ToldProcessors> all = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            all.add(new ToldProcessors(pairs.get(i)[0], pairs.get(i)[1], counts.get(i), ratios.get(i), judgements.get(i)));
        }
        all.sort((a, b) -> Row.READING_ORDER.compare(a.machine, b.machine));
        return all;
    }
}
