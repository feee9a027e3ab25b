package fetchbench.report;

import fetchbench.analysis.Answer;
import fetchbench.analysis.Load;
import fetchbench.analysis.Ranking;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.analysis.Words;
import fetchbench.stats.Judgement;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
            Answer.of(verdicts).ifPresent(answer -> blocks.add(answer(answer)));
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
        Set<Row> front = front(verdicts);
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("model (setting)")));
        ns.forEach(n -> columns.add(Table.Column.number("N = " + n)));
        columns.addAll(List.of(Table.Column.text("cost"), Table.Column.text("verdict"),
                Table.Column.text("what to set")));
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.of(v.setting())));
            ns.forEach(n -> row.add(marked(v.byN().get(n), Verdict.cell(v.byN().get(n)), front)));
            row.addAll(Stream.of(v.costWords(), v.verdict(), v.toSet()).map(Table.Cell::of).toList());
            rows.add(row);
        }
        return new Table("verdicts", columns, rows);
    }

    /**
     * The answer in two sentences: whose mean was lowest at the largest N and who was not measured
     * different from it, then which limits held others below N.
     */
    static Paragraph answer(Answer answer) {
        Text text = Text.of("At N = " + answer.urls() + " requests in flight, each answered after " + answer.delayMs()
                        + " ms, ").thenStrong(answer.front().get(0).setting()).then(" had the lowest mean");
        List<Row> tied = answer.front().subList(1, answer.front().size());
        List<Row> needNothing = answer.needNothingSet();
        if (!tied.isEmpty()) {
            text = text.then(" and " + names(tied) + " were not measured different from it");
        }
        if (!tied.isEmpty() && needNothing.equals(tied)) {
            text = text.then(tied.size() == 1 ? " and needs nothing set." : " and need nothing set.");
        } else {
            text = text.then(needNothing.isEmpty() ? "." : "; " + names(needNothing) + (needNothing.size() == 1
                    ? " needs" : " need") + " nothing set.");
        }
        List<String> knobs = answer.cappedWithAKnob().stream()
                .map(r -> r.model().name() + "'s " + r.model().card().knob().words()).toList();
        if (!knobs.isEmpty()) {
            text = text.then(" Others held fewer than N in flight at their largest N: set " + Words.list(knobs)
                    + " to N or more.");
        }
        return new Paragraph(text, Paragraph.Role.fact);
    }

    /**
     * The short "Which model?": each setting's mean at every N, the fastest bold, and what to set,
     * for the README's first screen.
     */
    static List<Block> shortTable(List<Verdict> verdicts) {
        List<Integer> ns = Verdict.columns(verdicts);
        Set<Row> front = front(verdicts);
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("model (setting)")));
        ns.forEach(n -> columns.add(Table.Column.number("N = " + n)));
        columns.add(Table.Column.text("what to set"));
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.of(v.setting())));
            ns.forEach(n -> {
                Row r = v.byN().get(n);
                row.add(marked(r, r == null ? "–" : String.format(Locale.ROOT, "%.0f", r.measuredMs()), front));
            });
            row.add(Table.Cell.of(Verdict.toSet(v.largest())));
            rows.add(row);
        }
        int delay = verdicts.get(0).largest().delayMs();
        return List.of(new Paragraph(Text.of("ms per batch of N fetches, each answered after " + delay
                        + " ms, the mean of the batches of several JVMs; bold: the lowest mean at that N and those "
                        + "not measured different from it; –: not run at that N."), Paragraph.Role.fact),
                new Table("which-model-short", columns, rows));
    }

    /** At each N, the fastest setting and those not measured different from it. */
    private static Set<Row> front(List<Verdict> verdicts) {
        Set<Row> front = new HashSet<>();
        for (Ranking ranking : Verdict.rankings(verdicts)) {
            if (ranking.hasBest()) {
                front.add(ranking.best());
                ranking.others().stream().filter(a -> a.judgement() != Judgement.different)
                        .map(Ranking.Against::row).forEach(front::add);
            }
        }
        return front;
    }

    private static Table.Cell marked(Row row, String words, Set<Row> front) {
        double value = row == null ? Double.NaN : row.measuredMs();
        return new Table.Cell(row != null && front.contains(row) ? Text.strong(words) : Text.of(words), value);
    }

    private static String names(List<Row> rows) {
        return Words.list(rows.stream().map(Row::setting).toList());
    }
}
