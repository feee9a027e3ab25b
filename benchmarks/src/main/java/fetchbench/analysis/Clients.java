package fetchbench.analysis;

import fetchbench.catalog.Variant;
import fetchbench.model.ClientStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Which client?": the settings that compare client stacks (their cards' {@link Variant.Role#clients}
 * variants): each stack at the one with every request in flight, the stacks tested against the
 * fastest at every N, and the stacks' defaults that held fewer than N in flight.
 *
 * @param sized    per stack (in the catalog's order), its setting with every request in flight at its largest N
 * @param rankings per N, those settings tested against the fastest of them
 * @param capped   the stacks' settings that held fewer than N in flight, each at the smallest N where it did
 */
public record Clients(Map<ClientStack, Verdict> sized, List<Ranking> rankings, List<Capped> capped) {

    /** A setting held below N by its own limit at {@code row}'s N. */
    public record Capped(Verdict verdict, Row row) {

        /** "capped by Apache's connection pool (5 per route, 25 in all): 5 in flight, 20 waves", from the model's card. */
        public String bound() {
            return row.limits().card().boundVerdict(row.limits(), row.slots(), row.urls()).orElseThrow();
        }
    }

    /** Empty (no stack) where the headline scenario has such settings of fewer than two stacks. */
    public static Clients of(List<Verdict> verdicts) {
        List<Verdict> comparing = verdicts.stream().filter(v -> v.largest().variant()
                .filter(variant -> variant.plays(Variant.Role.clients)).isPresent()).toList();
        Map<ClientStack, Verdict> sized = new TreeMap<>();
        for (Verdict verdict : comparing) {
            Row largest = verdict.largest();
            if (largest.slots() >= largest.urls()) {
                sized.merge(stackOf(verdict), verdict, (a, b) -> Comparator.<Verdict>comparingInt(v -> v.largest().urls())
                        .compare(a, b) >= 0 ? a : b);
            }
        }
        if (sized.size() < 2) {
            return new Clients(Map.of(), List.of(), List.of());
        }
        List<Capped> capped = new ArrayList<>();
        for (Verdict verdict : comparing) {
            verdict.byN().values().stream().filter(row -> row.slots() < row.urls()).min(Comparator.comparingInt(Row::urls))
                    .ifPresent(row -> capped.add(new Capped(verdict, row)));
        }
        return new Clients(sized, Verdict.rankings(List.copyOf(sized.values())), List.copyOf(capped));
    }

    public boolean isEmpty() {
        return sized.isEmpty();
    }

    /** The stack a setting fetches with. */
    public static ClientStack stackOf(Verdict verdict) {
        return verdict.largest().model().clientStack();
    }

    /** The ranking at the largest N the stacks were compared at, if any stack could be compared there. */
    public Optional<Ranking> atLargest() {
        return rankings.stream().filter(Ranking::hasBest).max(Comparator.comparingInt(Ranking::urls));
    }
}
