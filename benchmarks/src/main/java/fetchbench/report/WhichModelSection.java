package fetchbench.report;

import fetchbench.analysis.Load;
import fetchbench.analysis.Verdict;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Which model?": the fastest settings, each setting's time at every N with its cost, verdict and
 * what to set, then what changes under load. index.html opens with it, the README quotes it and
 * the console ends with it.
 */
final class WhichModelSection {

    static final String ID = "which-model";
    static final String TITLE = "Which model?";

    private WhichModelSection() {
    }

    /** Empty where the run has no headline scenario and nothing under load. */
    static Section of(List<Verdict> verdicts, Load load, Optional<String> incomplete) {
        if (verdicts.isEmpty() && load.isEmpty()) {
            return new Section(ID, TITLE, List.of());
        }
        List<Block> blocks = new ArrayList<>();
        incomplete.ifPresent(why -> blocks.add(RunSections.incomplete(why)));
        if (!verdicts.isEmpty()) {
            blocks.add(Paragraph.of(Text.strong("Fastest").then(", " + verdicts.get(0).largest().scenario() + ":")));
            blocks.add(Bullets.of("fastest", Verdict.rankings(verdicts).stream().map(RankingLines::line).toList()));
            blocks.add(Paragraph.legend(Text.of(RankingLines.legend() + ".")));
            blocks.add(Paragraph.of(Text.strong("Which model?").then(" ms per batch, the mean ± half its 95 % "
                    + "interval from the fork means (× the ideal, forks × measured batches each); cost, at the "
                    + "largest N the setting ran: " + (verdicts.stream().anyMatch(v -> v.cost().words().isPresent())
                    ? "the client's CPU per request (the server's in brackets), the bytes and platform "
                    + "threads each request in flight held, from a footprint fork"
                    + (verdicts.stream().anyMatch(v -> v.cost().added().isPresent())
                    ? ", and what it adds to its client stack's bare client at the same N and delay" : "")
                    + " (details: What each request costs)"
                    : "its platform threads at their peak (this run measured no CPU per request or footprint)")
                    + "; the verdict is read off that N; set N to your number of requests in flight")));
            blocks.add(table(verdicts));
        }
        if (!load.isEmpty()) {
            blocks.add(Paragraph.of(Text.strong("Under load").then(" (" + LoadLines.headlineScope(load) + "):")));
            blocks.add(Bullets.of("under-load-verdict", LoadLines.verdictLines(load)));
        }
        return new Section(ID, TITLE, blocks);
    }

    private static Table table(List<Verdict> verdicts) {
        List<Integer> ns = Verdict.columns(verdicts);
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("model (setting)")));
        ns.forEach(n -> columns.add(Table.Column.number("N = " + n)));
        columns.addAll(List.of(Table.Column.text("cost"), Table.Column.text("verdict"),
                Table.Column.text("what to set")));
        List<List<String>> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            List<String> row = new ArrayList<>(List.of(v.setting()));
            ns.forEach(n -> row.add(Verdict.cell(v.byN().get(n))));
            row.addAll(List.of(v.costWords(), v.verdict(), v.toSet()));
            rows.add(row);
        }
        return Table.ofWords("verdicts", columns, rows);
    }
}
