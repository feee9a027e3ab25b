package fetchbench.analysis;

import fetchbench.bench.BareClientBenchmark;

import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;

import fetchbench.result.Benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonObject;
import fetchbench.model.ClientStack;
import fetchbench.catalog.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each result is read against the floor of its own client stack, on constructed data. */
class CalibrationTest {

    @TempDir
    Path folder;

    private JsonObject gather(Model model) throws Exception {
        return Fixtures.gather(folder, model.name(), 100, 150, 1.5);
    }

    private JsonObject floor(int urls, double ms, String client) throws Exception {
        return Fixtures.result(folder, Benchmarks.BARE_CLIENT, client == null
                ? Map.of("urls", String.valueOf(urls), "delayMs", "1")
                : Map.of("urls", String.valueOf(urls), "delayMs", "1", Benchmarks.CLIENT, client), ms, ms / 100);
    }

    private List<Row> rows(JsonObject... results) throws Exception {
        return Row.of(JmhRun.read(Fixtures.write(folder, results)));
    }

    @Test
    void eachModelIsReadAgainstItsOwnClientStacksFloor() throws Exception {
        List<Row> rows = rows(floor(100, 12, "okHttp"), floor(100, 30, "jdkHttpClient"),
                gather(Model.virtualThreads), gather(Model.httpClientAsync), gather(Model.okHttpAsync));

        // The band's top is the ideal (one wave of 100 ms; 20 for OkHttp's 5 per host) plus the stack's own floor
        // at N: the run measured no floor at or below OkHttp's cap of 5, so that band stays as it was.
        assertThat(rows).extracting(Row::model, Row::floorMs, Row::bandTopMs).containsExactlyInAnyOrder(
                tuple(Model.virtualThreads, 12.0, 112.0), tuple(Model.httpClientAsync, 30.0, 130.0),
                tuple(Model.okHttpAsync, 12.0, 100 * 20 + 12.0));
    }

    @Test
    void aCappedGatherAddsTheFloorAtItsCapOncePerWave() throws Exception {
        List<Row> rows = rows(floor(5, 2, "apacheAsync"), floor(100, 12, "apacheAsync"), gather(Model.apacheAsync),
                Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", "apacheAsync",
                        "urls", "100", "delayMs", "100", "concurrency", "100", "maxRequests", "100"), 105, 1));

        // Apache's defaults: 5 per route, so 20 waves of (100 ms + the floor at 5); sized to N, one wave and the floor at N.
        assertThat(rows).extracting(Row::concurrency, Row::theoryMs, Row::bandTopMs).containsExactlyInAnyOrder(
                tuple(0, 2000.0, 2000 + 20 * 2.0), tuple(100, 100.0, 112.0));
    }

    @Test
    void aStackWhoseFloorWasNotMeasuredHasNone() throws Exception {
        List<Row> rows = rows(floor(100, 12, "okHttp"), gather(Model.httpClientAsync));

        assertThat(rows.get(0).floorMs()).isNaN();
        assertThat(rows.get(0).predictedMs()).isEqualTo(100.0);
    }

    @Test
    void anNTheFloorWasNotMeasuredAtIsReadBetweenItsNeighbours() throws Exception {
        Calibration calibration = Calibration.of(JmhRun.read(Fixtures.write(folder, floor(10, 5, "okHttp"),
                floor(100, 23, "okHttp"))));

        assertThat(calibration.floorMs(ClientStack.okHttp, 4)).isEqualTo(5.0);
        assertThat(calibration.floorMs(ClientStack.okHttp, 10)).isEqualTo(5.0);
        assertThat(calibration.floorMs(ClientStack.okHttp, 20)).isEqualTo(7.0);
        assertThat(calibration.floorMs(ClientStack.okHttp, 100)).isEqualTo(23.0);
        assertThat(calibration.floorMs(ClientStack.okHttp, 101)).isNaN();
    }

    @Test
    void aFloorWithoutAClientParameterIsOkHttps() throws Exception {
        Calibration calibration = Calibration.of(JmhRun.read(Fixtures.write(folder, floor(10, 5, null),
                floor(10, 9, "jdkHttpClient"))));

        assertThat(calibration.floorMs(ClientStack.okHttp, 10)).isEqualTo(5.0);
        assertThat(calibration.floorMs(ClientStack.jdkHttpClient, 10)).isEqualTo(9.0);
        assertThat(calibration.floorLines()).containsExactly(
                "floor at N=10 (okHttp bare client, 1 ms delay): 5.0 ± 0.1 ms",
                "floor at N=10 (jdkHttpClient bare client, 1 ms delay): 9.0 ± 0.1 ms");
    }
}
