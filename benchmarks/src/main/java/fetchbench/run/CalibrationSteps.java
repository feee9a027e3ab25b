package fetchbench.run;

import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.result.Benchmarks;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The steps that calibrate a run: the server check and each client stack's floor. */
final class CalibrationSteps {

    private CalibrationSteps() {
    }

    /**
     * The server check and the floor first, at every N the run gathers (the floor from
     * {@code smallestFloorUrls} up, where the run gathers at it); with {@code floorsAtCaps}, each
     * capped stack's floor at its smallest cap too, which a capped gather's band adds once per wave.
     */
    static RunPlan around(List<Step> measures, List<String> notes, int smallestFloorUrls, boolean floorsAtCaps) {
        List<Step> steps = new ArrayList<>(measures);
        List<Integer> allN = RunPlan.gatherN(steps);
        List<Integer> floorN = allN.contains(smallestFloorUrls)
                ? allN.stream().filter(n -> n >= smallestFloorUrls).toList() : allN;
        List<Integer> delays = measures.stream().filter(Measure.class::isInstance).map(Measure.class::cast)
                .filter(m -> m.shape() == Shape.gather).flatMap(m -> m.workloads().delayMs().stream())
                .filter(d -> d > Benchmarks.FLOOR_DELAY_MS).distinct().sorted().toList();
        List<Measure> all = measures.stream().flatMap(step -> step instanceof Measure m ? Stream.of(m)
                : step instanceof UnderLoad u ? Stream.of(u.gather()) : Stream.empty()).toList();
        List<ClientStack> stacks = all.stream().filter(m -> m.settings().protocols().contains(Protocol.http1))
                .map(m -> m.variant().model().clientStack()).distinct().sorted().toList();
        // Over TLS and HTTP/2, each stack's floor at the N it gathers there, and what a new connection costs it.
        for (ClientStack stack : all.stream().map(m -> m.variant().model().clientStack()).distinct().sorted().toList()) {
            List<Measure> other = all.stream().filter(m -> m.variant().model().clientStack() == stack
                    && m.shape() == Shape.gather).toList();
            List<Protocol> protocols = other.stream().flatMap(m -> m.settings().protocols().stream())
                    .filter(p -> p != Protocol.http1).distinct().sorted().toList();
            List<Integer> urls = other.stream().filter(m -> m.settings().protocols().stream()
                    .anyMatch(p -> p != Protocol.http1)).flatMap(m -> m.workloads().urls().stream())
                    .distinct().sorted().toList();
            if (!protocols.isEmpty()) {
                boolean tls = protocols.stream().anyMatch(Protocol::tls);
                // A new connection's price is the new client's floor less the kept client's, both over https1.
                List<Protocol> kept = tls && !protocols.contains(Protocol.https1)
                        ? Stream.concat(Stream.of(Protocol.https1), protocols.stream()).toList() : protocols;
                steps.add(0, new Step.Floor(urls, List.of(stack), kept, false));
                if (tls) {
                    steps.add(0, new Step.Floor(urls, List.of(stack), List.of(Protocol.https1), true));
                }
            }
        }
        if (floorsAtCaps) {
            Map<Integer, List<ClientStack>> stacksByCap = new TreeMap<>();
            for (ClientStack stack : stacks) {
                all.stream().filter(m -> m.shape() == Shape.gather && !m.sweep() && m.variant().model().clientStack() == stack
                                && m.settings().protocols().contains(Protocol.http1))
                        .flatMap(m -> m.workloads().urls().stream().filter(n -> m.mostInFlight(n) < n)
                                .map(m::mostInFlight))
                        .filter(k -> !floorN.contains(k)).min(Integer::compare)
                        .ifPresent(cap -> stacksByCap.computeIfAbsent(cap, k -> new ArrayList<>()).add(stack));
            }
            stacksByCap.forEach((cap, capped) -> steps.add(0, new Step.Floor(List.of(cap), capped)));
        }
        // The cleartext floor where a step speaks HTTP/1.1 in cleartext (none does against an https target).
        if (!stacks.isEmpty() || all.isEmpty()) {
            steps.add(0, new Step.Floor(floorN, stacks.isEmpty() ? List.of(ClientStack.okHttp) : stacks));
        }
        steps.add(0, new Step.ServerCheck(allN, delays.isEmpty() ? List.of(Benchmarks.FLOOR_DELAY_MS) : delays));
        return new RunPlan(steps, notes);
    }
}
