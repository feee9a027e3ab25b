package fetchbench.run;

import fetchbench.result.RunFolder;
import fetchbench.result.WholeFile;

import com.google.gson.GsonBuilder;
import fetchbench.server.TargetServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/** Writes a finished run's files: JMH's own JSON and the environment beside it. */
public final class RunFiles {

    private final RunOptions options;
    private final RunPlan plan;
    private final TargetServer server;
    private final RunDirectory directory;
    private final Instant started;
    private final Instant finished;
    private final List<RunResult> results;
    private final String incomplete;

    /** The files of a run that finished every step. */
    public RunFiles(RunOptions options, RunPlan plan, TargetServer server, RunDirectory directory,
                     Instant started, Instant finished, List<RunResult> results) {
        this(options, plan, server, directory, started, finished, results, null);
    }

    /**
     * The files of a run, with {@code incomplete} saying why it stopped early (null: it did not):
     * the results are then those of the steps that finished, and environment.json says so.
     */
    public RunFiles(RunOptions options, RunPlan plan, TargetServer server, RunDirectory directory,
                     Instant started, Instant finished, List<RunResult> results, String incomplete) {
        this.options = options;
        this.plan = plan;
        this.server = server;
        this.directory = directory;
        this.started = started;
        this.finished = finished;
        this.results = List.copyOf(results);
        this.incomplete = incomplete;
    }

    /** The results these files hold. */
    public List<RunResult> results() {
        return results;
    }

    /** Where jmh.json goes. */
    public Path jmhJson() {
        return directory.path().resolve(RunFolder.JMH_JSON);
    }

    /**
     * Removes what the step under way had begun to write (a fork's latency log not yet moved into
     * place): it belongs to no kept result.
     */
    public void removeUnfinished() throws IOException {
        try (var files = Files.walk(directory.path())) {
            for (Path part : files.filter(f -> f.getFileName().toString().endsWith(WholeFile.PART)).toList()) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** jmh.json and environment.json, each whole (a run stopped while they are written keeps the earlier ones). */
    public void writeResults() throws IOException {
        // JMH writes to a PrintStream, which hides write errors: it writes to memory, and the bytes go out whole.
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream printed = new PrintStream(json, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, printed).writeOut(results);
        }
        WholeFile.write(jmhJson(), json::writeTo);
        String environment = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(environment());
        WholeFile.writeString(directory.path().resolve(RunFolder.ENVIRONMENT_JSON), environment + "\n");
    }

    /** The run's last files: the results, then jmh.log compressed. */
    public void write() throws IOException {
        writeResults();
        compressLog(directory.path());
    }

    /**
     * jmh.log becomes jmh.log.gz (a tenth of its size: a load run's log reaches 2.4 MB); none,
     * nothing. Best effort: the results are written, and an uncompressed jmh.log must not cost them.
     */
    public static void compressLog(Path folder) {
        try {
            compress(folder);
        } catch (IOException e) {
            System.err.println("fetchbench: jmh.log left uncompressed: " + e.getMessage());
        }
    }

    static void compress(Path folder) throws IOException {
        Path log = folder.resolve(RunFolder.JMH_LOG);
        if (!Files.isRegularFile(log)) {
            return;
        }
        Path compressed = folder.resolve(RunFolder.JMH_LOG_GZ);
        WholeFile.write(compressed, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out);
            Files.copy(log, gzip);
            gzip.finish();
        });
        Files.delete(log);
    }

    private Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("runId", directory.id());
        env.put(RunFolder.COMPLETE, incomplete == null);
        if (incomplete != null) {
            env.put(RunFolder.INCOMPLETE, incomplete);
        }
        env.put("command", options.reproduceCommand());
        SourceVersion source = SourceVersion.of(Path.of("").toAbsolutePath());
        env.put("source", Map.of("commit", source.commit(), "dirty", source.dirty()));
        env.put("profile", options.profile().toString());
        env.put("started", started.toString());
        env.put("finished", finished.toString());
        env.put("durationSeconds", Duration.between(started, finished).toSeconds());
        env.put("jdk", Environment.jdk());
        env.put("machine", Environment.machine());
        env.put("libraries", Environment.libraries());
        env.put("completableFutureDefaults", Environment.completableFutureDefaults());
        env.put("reactorDefaults", Environment.reactorDefaults());
        env.put("server", server.describe());
        env.put("jmh", jmhSettings());
        env.put("results", perResult());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : plan.steps()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.getClass().getSimpleName());
            entry.put("description", step.describe());
            if (step instanceof Step.Jmh jmh) {
                entry.put("benchmark", jmh.benchmarkName());
                entry.put("params", jmh.params());
            }
            steps.add(entry);
        }
        env.put("plan", steps);
        env.put("notes", plan.notes());
        env.put("orderSeed", options.order());
        return env;
    }

    /** Each result's own samples: forks, warm-up and measured batches per fork, which the plan sets per result. */
    private List<Map<String, Object>> perResult() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("benchmark", params.getBenchmark());
            Map<String, String> values = new LinkedHashMap<>();
            params.getParamsKeys().forEach(key -> values.put(key, params.getParam(key)));
            entry.put("params", values);
            entry.put("forks", params.getForks());
            entry.put("warmupBatchesPerFork", params.getWarmup().getCount());
            entry.put("measuredBatchesPerFork", params.getMeasurement().getCount());
            all.add(entry);
        }
        return all;
    }

    private Map<String, Object> jmhSettings() {
        Map<String, Object> jmh = new LinkedHashMap<>();
        if (!results.isEmpty()) {
            BenchmarkParams params = results.get(0).getParams();
            jmh.put("version", params.getJmhVersion());
            jmh.put("mode", params.getMode().longLabel());
            jmh.put("forkJvm", params.getJvm());
            jmh.put("forkJvmArgs", params.getJvmArgs());
        }
        return jmh;
    }

}
