package fetchbench.run;

import com.google.gson.GsonBuilder;
import fetchbench.model.Model;
import fetchbench.model.Prediction;
import fetchbench.run.RunOptions.Param;
import fetchbench.server.TargetServer;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/** Writes a finished run: JMH's own JSON, the environment beside it, and the console summary. */
public final class RunReport {

    public static final String JMH_JSON = "jmh.json";
    public static final String ENVIRONMENT_JSON = "environment.json";

    private final RunOptions options;
    private final RunPlan plan;
    private final TargetServer server;
    private final RunDirectory directory;
    private final Instant started;
    private final Instant finished;
    private final List<RunResult> results;

    public RunReport(RunOptions options, RunPlan plan, TargetServer server, RunDirectory directory,
                     Instant started, Instant finished, List<RunResult> results) {
        this.options = options;
        this.plan = plan;
        this.server = server;
        this.directory = directory;
        this.started = started;
        this.finished = finished;
        this.results = results;
    }

    public void write() throws IOException {
        try (PrintStream json = new PrintStream(
                Files.newOutputStream(directory.path().resolve(JMH_JSON)), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
        }
        String environment = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(environment());
        Files.writeString(directory.path().resolve(ENVIRONMENT_JSON), environment + "\n");
    }

    private Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("runId", directory.id());
        env.put("command", options.reproduceCommand());
        env.put("profile", options.profile().paramName());
        env.put("started", started.toString());
        env.put("finished", finished.toString());
        env.put("durationSeconds", Duration.between(started, finished).toSeconds());
        env.put("jdk", Environment.jdk());
        env.put("machine", Environment.machine());
        env.put("libraries", Environment.libraries());
        env.put("completableFutureDefaults", Environment.completableFutureDefaults());
        env.put("server", server.describe());
        env.put("jmh", jmhSettings());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (RunPlan.Step step : plan.steps()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", step.model().paramName());
            if (!step.label().isEmpty()) {
                entry.put("label", step.label());
            }
            Map<String, Object> params = new LinkedHashMap<>();
            step.params().forEach((param, values) -> params.put(param.key, values));
            entry.put("params", params);
            steps.add(entry);
        }
        env.put("plan", steps);
        env.put("notes", plan.notes());
        return env;
    }

    private Map<String, Object> jmhSettings() {
        Map<String, Object> jmh = new LinkedHashMap<>();
        if (!results.isEmpty()) {
            BenchmarkParams params = results.get(0).getParams();
            jmh.put("version", params.getJmhVersion());
            jmh.put("mode", params.getMode().longLabel());
            jmh.put("forks", params.getForks());
            jmh.put("warmupIterations", params.getWarmup().getCount());
            jmh.put("measurementIterations", params.getMeasurement().getCount());
            jmh.put("forkJvm", params.getJvm());
            jmh.put("forkJvmArgs", params.getJvmArgs());
        }
        return jmh;
    }

    /** One line per result with its queueing-theory prediction, for the end of the console output. */
    public static String summary(Collection<RunResult> results) {
        StringBuilder text = new StringBuilder(String.format("%-18s %6s %8s %11s %11s %18s %13s %7s%n",
                "model", "urls", "delayMs", "concurrency", "maxRequests", "measured ms", "predicted ms", "ratio"));
        for (RunResult result : results) {
            BenchmarkParams p = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            Model model = Model.byName(p.getParam(Param.MODEL.key));
            int urls = Integer.parseInt(p.getParam(Param.URLS.key));
            int delayMs = Integer.parseInt(p.getParam(Param.DELAY_MS.key));
            int concurrency = Integer.parseInt(p.getParam(Param.CONCURRENCY.key));
            int maxRequests = Integer.parseInt(p.getParam(Param.MAX_REQUESTS.key));
            double predicted = Prediction.batchMillis(model, delays(p, urls, delayMs), concurrency, maxRequests);
            text.append(String.format("%-18s %6d %8d %11s %11s %9.1f ± %6.1f %13s %7s%n",
                    model.paramName(), urls, delayMs, concurrency, model == Model.OK_HTTP_ASYNC ? maxRequests : "-",
                    primary.getScore(), primary.getScoreError(),
                    String.format("%.0f", predicted),
                    predicted > 0 ? String.format("%.2f", primary.getScore() / predicted) : "-"));
        }
        return text.toString();
    }

    /** The per-URL delays of the result's workload: the seed makes them the same as in the run. */
    private static List<Integer> delays(BenchmarkParams p, int urls, int delayMs) {
        DelayProfile profile = DelayProfile.byName(p.getParam(Param.DELAY_PROFILE.key));
        long seed = Long.parseLong(p.getParam(Param.SEED.key));
        return Workload.create(URI.create("http://delays.invalid"), urls, profile, delayMs, seed)
                .fetches().stream().map(Workload.Fetch::delayMs).toList();
    }
}
