package fetchbench.analysis;

import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.stats.Judgement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run's answer to "which model, what setting?", read off the headline scenario at its largest
 * N: the settings not told apart from the fastest there, which of them need nothing set, and the
 * knobs that held other settings below N in flight. The README's first lines are rendered from it.
 *
 * @param urls      the largest N of the headline scenario
 * @param delayMs   its delay
 * @param front     the fastest setting and those not told apart from it (equivalent or inconclusive)
 * @param slower    settings measured different (slower) from the fastest at that N
 * @param capped    settings outside the front whose own limit held fewer than N in flight at their largest N
 */
public record Answer(int urls, int delayMs, List<Row> front, List<Row> slower, List<Row> capped) {

    /** Empty where the run has no headline scenario with two forks or more behind a result. */
    public static Optional<Answer> of(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return Optional.empty();
        }
        List<Ranking> rankings = Verdict.rankings(verdicts);
        Ranking largest = rankings.get(rankings.size() - 1);
        if (!largest.hasBest()) {
            return Optional.empty();
        }
        List<Row> front = new ArrayList<>(List.of(largest.best()));
        largest.others().stream().filter(a -> a.judgement() != Judgement.different).map(Ranking.Against::row)
                .forEach(front::add);
        List<Row> slower = largest.judged(Judgement.different).stream().map(Ranking.Against::row).toList();
        List<Row> capped = verdicts.stream().map(Verdict::largest).filter(r -> r.slots() < r.urls())
                .filter(r -> !front.contains(r)).toList();
        return Optional.of(new Answer(largest.urls(), largest.best().delayMs(), List.copyOf(front), slower, capped));
    }

    /** The front's settings that ran at their model's defaults with all N in flight: nothing to set. */
    public List<Row> needNothingSet() {
        return front.stream().filter(r -> r.limits().concurrency() == 0 && r.slots() >= r.urls()).toList();
    }

    /** The capped settings that have a knob to raise (a loop has none), each model once. */
    public List<Row> cappedWithAKnob() {
        Set<Model> seen = new HashSet<>();
        return capped.stream().filter(r -> r.model().card().knob() != Knob.none && seen.add(r.model())).toList();
    }
}
