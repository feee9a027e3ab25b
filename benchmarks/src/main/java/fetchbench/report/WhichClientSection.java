package fetchbench.report;

import fetchbench.analysis.Clients;
import fetchbench.analysis.Cost;
import fetchbench.analysis.Ranking;
import fetchbench.analysis.Row;
import fetchbench.analysis.Verdict;
import fetchbench.analysis.Words;
import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import fetchbench.document.Text;
import fetchbench.stats.ForkMeans;
import fetchbench.stats.Judgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Which client?": each client stack with every request in flight, its time at every N beside its
 * CPU per request and memory per request in flight, the stacks tested against the fastest, and
 * which defaults cap a stack below N. Shown where the run compared two stacks or more.
 */
final class WhichClientSection {

    static final String ID = "which-client";
    static final String TITLE = "Which client?";

    private WhichClientSection() {
    }

    static Section of(Clients clients) {
        if (clients.isEmpty()) {
            return new Section(ID, TITLE, List.of());
        }
        List<Block> blocks = new ArrayList<>();
        clients.atLargest().ifPresent(ranking -> blocks.add(answer(ranking)));
        blocks.add(Paragraph.legend("Each client stack with every request in flight (its card's setting for "
                + "comparing stacks). ms per batch, the mean ± half its 95 % interval from the fork means (× the ideal, "
                + "forks × measured batches); at the largest N the setting ran, the client's CPU per request (the "
                + "server's in brackets) and the bytes each request in flight held, from a footprint fork."));
        blocks.add(table(clients));
        blocks.add(Paragraph.of(Text.strong("The stacks against the fastest")));
        blocks.add(Bullets.of("which-client-rankings", clients.rankings().stream().map(RankingLines::line).toList()));
        blocks.add(Paragraph.legend(RankingLines.legend() + "."));
        if (!clients.capped().isEmpty()) {
            blocks.add(Paragraph.of(Text.strong("Capped by their own defaults").then(" (fewer than N in flight; the band "
                    + "adds the stack's floor at the cap once per wave):")));
            blocks.add(Bullets.of("which-client-capped", clients.capped().stream().map(WhichClientSection::capped)
                    .toList()));
        }
        return new Section(ID, TITLE, blocks);
    }

    /** "At N = 1000, jetty (jettySized …) had the lowest mean; …: equivalent; …: different (slower); not compared: …." */
    static Paragraph answer(Ranking ranking) {
        Text text = Text.of("At N = " + ranking.urls() + " requests in flight, the client stack ")
                .thenStrong(ranking.best().model().clientStack().name())
                .then(" had the lowest mean (as " + ranking.best().setting() + ")");
        List<String> parts = new ArrayList<>();
        for (Judgement judgement : List.of(Judgement.equivalent, Judgement.inconclusive, Judgement.different)) {
            List<String> stacks = ranking.judged(judgement).stream()
                    .map(a -> a.row().model().clientStack().name()).toList();
            if (!stacks.isEmpty()) {
                parts.add(Words.list(stacks) + (judgement == Judgement.different ? ": different (slower)"
                        : ": " + judgement.name()));
            }
        }
        if (!ranking.leftOut().isEmpty()) {
            parts.add("not compared: " + Words.list(ranking.leftOut().stream().map(r -> r.model().clientStack().name())
                    .toList()) + " (see below)");
        }
        return new Paragraph(text.then(parts.isEmpty() ? "." : "; " + String.join("; ", parts) + "."),
                Paragraph.Role.fact);
    }

    private static Table table(Clients clients) {
        List<Verdict> best = List.copyOf(clients.sized().values());
        List<Integer> ns = Verdict.columns(best);
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("client stack"),
                Table.Column.text("setting")));
        ns.forEach(n -> columns.add(Table.Column.number("N = " + n)));
        columns.addAll(List.of(Table.Column.number("CPU per request µs"), Table.Column.number("KB per request in flight")));
        List<List<Table.Cell>> rows = new ArrayList<>();
        clients.sized().forEach((stack, verdict) -> {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.of(stack.name()), Table.Cell.of(verdict.setting())));
            ns.forEach(n -> {
                Row r = verdict.byN().get(n);
                row.add(new Table.Cell(Text.of(Verdict.cell(r)), r == null ? Double.NaN : r.measuredMs()));
            });
            Cost cost = verdict.cost();
            row.add(new Table.Cell(Text.of(cpu(cost)), cost.clientCpuUs().map(ForkMeans::mean).orElse(Double.NaN)));
            Optional<ForkMeans> bytes = cost.footprint().map(Cost.InFlightFootprint::total);
            row.add(new Table.Cell(Text.of(bytes.map(b -> Words.meanAndError(b.mean() / 1024, b.halfWidth() / 1024, 1))
                    .orElse("–")), bytes.map(b -> b.mean() / 1024).orElse(Double.NaN)));
            rows.add(row);
        });
        return new Table("which-client", columns, rows);
    }

    private static String cpu(Cost cost) {
        String client = cost.clientCpuUs().map(m -> Words.meanAndError(m.mean(), m.halfWidth(), 0)).orElse("–");
        return cost.serverCpuUs().map(m -> client + " (" + Words.meanAndError(m.mean(), m.halfWidth(), 0) + ")")
                .orElse(client);
    }

    /** "apacheAsync (5/route, 25 total) on apacheAsync at N = 100: capped by …: 5 in flight, 20 waves; 2051 ± 4 ms, inside its band 2000 – 2090; set …". */
    private static String capped(Clients.Capped capped) {
        Row row = capped.row();
        String band = String.format(Locale.ROOT, "%.0f – %.0f", row.theoryMs(), row.bandTopMs());
        String placed = switch (row.placement()) {
            case inside, below, above -> row.placement().words() + " its band " + band;
            case straddles -> "straddling an edge of its band " + band;
            case tooWide -> "its band " + band + " too wide to judge by";
            case unknown -> "one fork, no interval (band " + band + ")";
        };
        return String.format(Locale.ROOT, "%s on %s at N = %d: %s; %s ms, %s; set %s", row.setting(),
                row.model().clientStack(), row.urls(), capped.bound(), Words.meanAndError(row), placed, Verdict.toSet(row));
    }
}
