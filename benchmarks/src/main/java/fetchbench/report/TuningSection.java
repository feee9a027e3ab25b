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
        blocks.add(Paragraph.legend("For each swept setting, the smallest value equivalent to the best measured "
                + "(its time ÷ the best's has a 95 % interval within the margin; each setting tested against the "
                + "best, Holm's correction across the sweep), the judgement of the smaller ones, and what it costs "
                + "at its peak (from the resource metrics); \"undetermined\" where the best has one fork. The "
                + "tuning charts below show every setting beside the prediction."));
        blocks.add(Bullets.of(recommendations.stream().map(Tuning.Recommendation::describe).toList()));
        return new Section(ID, title, blocks);
    }
}
