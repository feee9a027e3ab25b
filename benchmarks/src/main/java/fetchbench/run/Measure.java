package fetchbench.run;

import fetchbench.result.Param;
import fetchbench.result.ResultKeys;
import fetchbench.catalog.Variant;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Knob;
import fetchbench.catalog.Model;
import fetchbench.model.Protocol;
import fetchbench.theory.CpuCost;
import fetchbench.catalog.Limits;
import fetchbench.theory.Scenario;
import fetchbench.theory.Machine;
import fetchbench.theory.Theory;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static fetchbench.run.Step.joined;
import static fetchbench.run.Step.strings;

/**
 * A shape measured with one variant of a model. When {@code sweep}, the model's {@link Knob}
 * is what varies, and the report draws it as a tuning curve.
 */
public record Measure(Shape shape, Variant variant, Workloads workloads, Settings settings, Batches batches,
               boolean sweep, Machine machine) implements Step.Jmh {

    @Override
    public String describe() {
        return settingsText() + (sweep ? " (sweep of " + variant.model().knob() + ")" : "")
                + (machine.told() ? " on a JVM told it has " + machine.cores() + " processors" : "");
    }

    /** The shape (unless gather), the variant and the parameters it runs with. */
    String settingsText() {
        StringBuilder text = new StringBuilder(shape == Shape.gather ? "" : shape + " · ").append(variant);
        Model model = variant.model();
        text.append(' ').append(Param.URLS.key).append('=').append(joined(workloads.urls()))
                .append(' ').append(Param.DELAY_MS.key).append('=').append(joined(workloads.delayMs()));
        if (model.hasConcurrencyKnob() || shape == Shape.workers) {
            text.append(' ').append(Param.CONCURRENCY.key).append('=').append(joined(settings.concurrency()));
        }
        if (model.takesMaxRequests()) {
            text.append(' ').append(Param.MAX_REQUESTS.key).append('=').append(joined(settings.maxRequests()));
        }
        if (!workloads.delays().equals(List.of(Delays.of(Profile.DELAY_PROFILE)))) {
            text.append(' ').append(Param.DELAY_PROFILE.key).append('=')
                    .append(joined(workloads.delays().stream().map(Delays::spec).toList()));
        }
        if (!settings.connectionPools().equals(List.of(ConnectionPoolSize.sized))) {
            text.append(' ').append(Param.CONNECTION_POOL.key).append('=').append(joined(settings.connectionPools()));
        }
        if (!settings.protocols().equals(List.of(Protocol.http1))) {
            text.append(' ').append(Param.PROTOCOL.key).append('=').append(joined(settings.protocols()));
        }
        return text.toString();
    }

    @Override
    public String benchmarkName() {
        return shape.benchmarkName();
    }

    @Override
    public Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(Param.MODEL.key, List.of(variant.model().name()));
        params.put(Param.URLS.key, strings(workloads.urls()));
        params.put(Param.DELAY_MS.key, strings(workloads.delayMs()));
        params.put(Param.CONCURRENCY.key, strings(settings.concurrency()));
        params.put(Param.MAX_REQUESTS.key, strings(settings.maxRequests()));
        params.put(Param.DELAY_PROFILE.key, workloads.delays().stream().map(d -> d.profile().name()).toList());
        params.put(Param.SPREAD, List.of(String.valueOf(workloads.delays().get(0).spreadParam())));
        params.put(Param.CONNECTION_POOL.key, strings(settings.connectionPools()));
        params.put(Param.SEED.key, strings(workloads.seeds()));
        params.put(Param.PROTOCOL.key, strings(settings.protocols()));
        return params;
    }

    @Override
    public Map<String, String> forkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ResultKeys.VARIANT, variant.name());
        if (sweep) {
            properties.put(ResultKeys.SWEPT, variant.model().knob().name());
        }
        if (machine.told()) {
            properties.put(ResultKeys.TOLD_PROCESSORS, String.valueOf(machine.cores()));
        }
        return properties;
    }

    @Override
    public List<Double> batchMillis() {
        CpuCost planning = new CpuCost(PLANNING_CPU_WORK_MS, PLANNING_CPU_WORK_MS, machine.cores());
        Theory theory = machine.theory();
        int copies = settings.connectionPools().size() * workloads.seeds().size() * settings.protocols().size();
        List<Double> millis = new ArrayList<>();
        for (Delays delays : workloads.delays()) {
            for (int n : workloads.urls()) {
                for (int d : workloads.delayMs()) {
                    for (int c : settings.concurrency()) {
                        for (int m : settings.maxRequests()) {
                            double ms = theory.predictMs(Scenario.of(shape, new Limits(variant.model(), c, m), n, d,
                                    delays, workloads.seeds().get(0), planning));
                            millis.addAll(Collections.nCopies(copies, ms));
                        }
                    }
                }
            }
        }
        return millis;
    }

    /** The most requests any setting of this step has in flight at once at N. */
    int mostInFlight(int urls) {
        Theory theory = machine.theory();
        return settings.concurrency().stream().flatMap(c -> settings.maxRequests().stream()
                .map(m -> theory.slots(new Limits(variant.model(), c, m), urls))).max(Integer::compare).orElse(1);
    }

    /** The predicted batch time at N for the slowest setting of this step. */
    double slowestBatchMillis(int urls) {
        return with(workloads.withUrls(List.of(urls))).batchMillis().stream().mapToDouble(Double::doubleValue)
                .max().orElse(0);
    }

    Measure with(Workloads changed) {
        return new Measure(shape, variant, changed, settings, batches, sweep, machine);
    }

    Measure with(Settings changed) {
        return new Measure(shape, variant, workloads, changed, batches, sweep, machine);
    }

    /** The same measurement in forks told they have this many processors (the cost profile's cpus axis). */
    Measure told(int processors) {
        return new Measure(shape, variant, workloads, settings, batches, sweep, Machine.told(processors));
    }

    Measure with(Batches changed) {
        return new Measure(shape, variant, workloads, settings, changed, sweep, machine);
    }
}
