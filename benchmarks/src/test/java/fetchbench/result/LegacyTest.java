package fetchbench.result;

import fetchbench.analysis.Row;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.catalog.Knob;
import fetchbench.result.ResultKeys;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import fetchbench.workload.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run recorded in the old names reads as the same run recorded in today's. */
class LegacyTest {

    @TempDir
    Path folder;

    @Test
    void anOldSweepResultReadsLikeTodaysWithItsVariantAndKnob() throws Exception {
        Path old = Fixtures.copy("sweep", folder);
        JsonArray results = JsonParser.parseString(Files.readString(old)).getAsJsonArray();
        // Result 12: okHttpAsync at k = 8 with OkHttp's default pool, in the old names.
        JsonObject oldResult = results.get(12).getAsJsonObject();
        assertThat(oldResult.get("benchmark").getAsString()).isEqualTo("fetchbench.bench.FetchAllBenchmark.fetchAll");
        assertThat(oldResult.getAsJsonObject("params").get("connectionPool").getAsString()).isEqualTo("okhttp-default");

        JsonObject today = oldResult.deepCopy();
        today.addProperty("benchmark", "fetchbench.bench.GatherBenchmark.gather");
        today.getAsJsonObject("params").addProperty("connectionPool", "okHttpDefault");
        today.getAsJsonObject("params").addProperty("spread", "0.0");
        JsonArray jvmArgs = new JsonArray();
        oldResult.getAsJsonArray("jvmArgs").forEach(arg -> {
            if (!arg.getAsString().startsWith("-Dfetchbench.sweepOf=")) {
                jvmArgs.add(arg);
            }
        });
        jvmArgs.add("-D" + ResultKeys.VARIANT + "=okHttpSizedDefaultPool");
        jvmArgs.add("-D" + ResultKeys.SWEPT + "=dispatcherLimit");
        today.add("jvmArgs", jvmArgs);

        Row fromOld = row(oldResult, "old");
        Row fromToday = row(today, "today");
        assertThat(fromOld.shape()).isEqualTo(Shape.gather).isEqualTo(fromToday.shape());
        assertThat(fromOld.swept()).contains(Knob.dispatcherLimit).isEqualTo(fromToday.swept());
        assertThat(fromOld.connectionPool()).isEqualTo(ConnectionPoolSize.okHttpDefault)
                .isEqualTo(fromToday.connectionPool());
        assertThat(fromOld.result().forkProperty(ResultKeys.VARIANT)).contains("okHttpSizedDefaultPool");
        assertThat(fromOld.result().params()).isEqualTo(fromToday.result().params());
        assertThat(fromOld.setting()).isEqualTo(fromToday.setting());
        assertThat(fromOld.theoryMs()).isEqualTo(fromToday.theoryMs());
        assertThat(fromOld.scenario()).isEqualTo(fromToday.scenario()).startsWith("sweep at N=10: gather");
    }

    @Test
    void anOldDelayProfileWithItsSpreadBecomesTheProfileAndTheSpread() throws Exception {
        Path old = Fixtures.copy("run-a", folder);
        JsonObject result = JsonParser.parseString(Files.readString(old)).getAsJsonArray().get(1).getAsJsonObject();
        result.getAsJsonObject("params").addProperty("delayProfile", "lognormal:0.8");

        Row row = row(result, "lognormal");
        assertThat(row.delays()).isEqualTo(new Delays(DelayProfile.lognormal, 0.8));
        assertThat(row.result().params()).containsEntry("delayProfile", "lognormal").containsEntry("spread", "0.8");
        assertThat(row.isSweep()).isFalse();
    }

    private Row row(JsonObject result, String name) throws Exception {
        JsonArray one = new JsonArray();
        one.add(result);
        Path json = Files.createDirectories(folder.resolve(name)).resolve("jmh.json");
        Files.writeString(json, one.toString());
        return Row.of(JmhRun.read(json)).get(0);
    }
}
