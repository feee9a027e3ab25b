package fetchbench.report;

import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.result.JmhRun;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Text;
import fetchbench.result.ResultKeys;
import java.util.ArrayList;
import java.util.List;

/** "Tuning: what to set", where the run swept a setting: the smallest value as fast as the best, and its cost. */
final class TuningSection {

    static final String ID = "tuning";

    private TuningSection() {
    }

    static Section of(JmhRun run, List<Row> rows) {
        List<Tuning.Recommendation> recommendations = Tuning.recommendations(rows);
        boolean tuneRun = run.forkProperty(ResultKeys.TUNING).map(Boolean::parseBoolean).orElse(false);
        String title = tuneRun ? "Tuning: what to set" : "Tuning: what to set (an example)";
        if (recommendations.isEmpty()) {
            return new Section(ID, title, List.of());
        }
        List<Block> blocks = new ArrayList<>();
        if (!tuneRun) {
            Row swept = rows.stream().filter(Row::isSweep).findFirst().orElseThrow();
            blocks.add(new Paragraph(Text.of("An example: this run's own sweep at N=" + swept.urls() + ", "
                    + swept.delayMs() + " ms " + swept.delays().spec() + ", not your workload. For yours: ")
                    .thenCode("scripts/tune.sh --urls N --delay PROFILE:MS").then("."), Paragraph.Role.warning));
        }
        blocks.add(Paragraph.legend("For each swept setting, the smallest value that is not significantly slower than "
                + "the best measured (their intervals, time ± JMH's 99.9 % error, overlap), and what it costs at its "
                + "peak (from the resource metrics); \"undetermined\" where an interval is missing, or where that "
                + "setting's or the best's is wider than ±" + (int) Tuning.MAX_HALF_WIDTH_PERCENT + " %. The tuning "
                + "charts below show every setting beside the prediction."));
        blocks.add(Bullets.of(recommendations.stream().map(Tuning.Recommendation::describe).toList()));
        return new Section(ID, title, blocks);
    }
}
