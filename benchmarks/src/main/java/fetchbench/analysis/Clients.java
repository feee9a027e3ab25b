package fetchbench.analysis;

import fetchbench.model.ClientStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Which client?": each client stack's best setting of the headline scenario, the stacks tested
 * against the fastest at every N, and the settings whose own limit held fewer than N in flight.
 *
 * @param best     per stack (in the catalog's order), its setting with the lowest mean at the largest N it ran
 * @param rankings per N, the stacks' best settings tested against the fastest of them
 * @param capped   the settings, of any stack, that held fewer than N in flight at some N
 */
public record Clients(Map<ClientStack, Verdict> best, List<Ranking> rankings, List<Capped> capped) {

    /** A setting held below N by its own limit at {@code row}'s N. */
    public record Capped(Verdict verdict, Row row) {

        /** "capped by Apache's connection pool (5 per route, 25 in all): 5 in flight, 20 waves", from the model's card. */
        public String bound() {
            return row.limits().card().boundVerdict(row.limits(), row.slots(), row.urls()).orElseThrow();
        }
    }

    /** Empty (no best) where the headline scenario has fewer than two client stacks. */
    public static Clients of(List<Verdict> verdicts) {
        Map<ClientStack, Verdict> best = new TreeMap<>();
        verdicts.stream().collect(Collectors.groupingBy(v -> v.largest().model().clientStack()))
                .forEach((stack, settings) -> best.put(stack, settings.stream()
                        .max(Comparator.<Verdict>comparingInt(v -> v.largest().urls())
                                .thenComparing(v -> -v.largest().measuredMs())).orElseThrow()));
        if (best.size() < 2) {
            return new Clients(Map.of(), List.of(), List.of());
        }
        List<Verdict> picked = List.copyOf(best.values());
        List<Ranking> rankings = Verdict.rankings(picked);
        List<Capped> capped = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            verdict.byN().values().stream().filter(row -> row.slots() < row.urls()).min(Comparator.comparingInt(Row::urls))
                    .ifPresent(row -> capped.add(new Capped(verdict, row)));
        }
        return new Clients(best, rankings, List.copyOf(capped));
    }

    public boolean isEmpty() {
        return best.isEmpty();
    }

    /** The stack whose best setting this is. */
    public static ClientStack stackOf(Verdict verdict) {
        return verdict.largest().model().clientStack();
    }

    /** The ranking at the largest N the stacks were compared at, if any stack could be compared there. */
    public Optional<Ranking> atLargest() {
        return rankings.stream().filter(Ranking::hasBest).max(Comparator.comparingInt(Ranking::urls));
    }
}
