package fetchbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.bench.BareClientBenchmark;
import fetchbench.model.ClientStack;
import fetchbench.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each result is read against the floor of its own client stack, on constructed data. */
class CalibrationTest {

    @TempDir
    Path folder;

    private JsonObject template;

    /** A real gather result of the fixture, with new parameters and score. */
    private JsonObject result(String benchmark, Map<String, String> params, double scoreMs) throws Exception {
        if (template == null) {
            Path fixture = Fixtures.copy("run-a", folder);
            template = JsonParser.parseString(Files.readString(fixture)).getAsJsonArray().get(8).getAsJsonObject();
        }
        JsonObject result = template.deepCopy();
        result.addProperty("benchmark", benchmark);
        JsonObject p = new JsonObject();
        params.forEach(p::addProperty);
        result.add("params", p);
        result.getAsJsonObject("primaryMetric").addProperty("score", scoreMs);
        result.getAsJsonObject("primaryMetric").addProperty("scoreError", scoreMs / 100);
        return result;
    }

    private JsonObject gather(Model model, int urls) throws Exception {
        return result("fetchbench.bench.GatherBenchmark.gather", Map.of("model", model.name(), "urls",
                String.valueOf(urls), "delayMs", "100", "concurrency", "0", "maxRequests", "64"), 150);
    }

    private JsonObject floor(int urls, double ms, String client) throws Exception {
        return result(BareClientBenchmark.NAME, client == null ? Map.of("urls", String.valueOf(urls), "delayMs", "1")
                : Map.of("urls", String.valueOf(urls), "delayMs", "1", BareClientBenchmark.CLIENT, client), ms);
    }

    private List<Row> rows(JsonObject... results) throws Exception {
        JsonArray all = new JsonArray();
        for (JsonObject result : results) {
            all.add(result);
        }
        Path json = Files.createDirectories(folder.resolve("out" + System.nanoTime())).resolve("jmh.json");
        Files.writeString(json, all.toString());
        return Row.of(JmhRun.read(json));
    }

    @Test
    void eachModelIsReadAgainstItsOwnClientStacksFloor() throws Exception {
        List<Row> rows = rows(floor(100, 12, "okHttp"), floor(100, 30, "jdkHttpClient"),
                gather(Model.virtualThreads, 100), gather(Model.httpClientAsync, 100), gather(Model.okHttpAsync, 100));

        // The band's top is the ideal (one wave of 100 ms; 20 for OkHttp's 5 per host) plus the stack's own floor.
        assertThat(rows).extracting(Row::model, Row::floorMs, Row::bandTopMs).containsExactlyInAnyOrder(
                tuple(Model.virtualThreads, 12.0, 112.0), tuple(Model.httpClientAsync, 30.0, 130.0),
                tuple(Model.okHttpAsync, 12.0, 100 * 20 + 12.0));
    }

    @Test
    void aStackWhoseFloorWasNotMeasuredHasNone() throws Exception {
        List<Row> rows = rows(floor(100, 12, "okHttp"), gather(Model.httpClientAsync, 100));

        assertThat(rows.get(0).floorMs()).isNaN();
        assertThat(rows.get(0).predictedMs()).isEqualTo(100.0);
    }

    @Test
    void aFloorWithoutAClientParameterIsOkHttps() throws Exception {
        JsonArray all = new JsonArray();
        all.add(floor(10, 5, null));
        all.add(floor(10, 9, "jdkHttpClient"));
        Path json = Files.createDirectories(folder.resolve("legacy")).resolve("jmh.json");
        Files.writeString(json, all.toString());

        Calibration calibration = Calibration.of(JmhRun.read(json));

        assertThat(calibration.floorMs(ClientStack.okHttp, 10)).isEqualTo(5.0);
        assertThat(calibration.floorMs(ClientStack.jdkHttpClient, 10)).isEqualTo(9.0);
        assertThat(calibration.floorLines()).containsExactly(
                "floor at N=10 (okHttp bare client, 1 ms delay): 5.0 ± 0.1 ms",
                "floor at N=10 (jdkHttpClient bare client, 1 ms delay): 9.0 ± 0.1 ms");
    }
}
