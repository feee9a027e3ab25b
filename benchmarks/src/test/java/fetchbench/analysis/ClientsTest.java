package fetchbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import fetchbench.model.ClientStack;
import fetchbench.result.Fixtures;
import fetchbench.result.JmhRun;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Which client?" on constructed data: one setting per stack, every request in flight, tested against the fastest. */
class ClientsTest {

    @TempDir
    Path folder;

    /** A gather of {@code variant}'s model at N, as the run records it (the variant among its fork's properties). */
    private JsonObject gather(String variant, String model, int urls, int concurrency, int maxRequests, double ms,
                              double halfWidth) throws Exception {
        JsonObject result = Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", model,
                "urls", String.valueOf(urls), "delayMs", "100", "concurrency", String.valueOf(concurrency),
                "maxRequests", String.valueOf(maxRequests)), ms, halfWidth);
        JsonArray jvmArgs = new JsonArray();
        result.getAsJsonArray("jvmArgs").forEach(arg -> {
            if (!arg.getAsString().startsWith("-D" + ResultKeys.VARIANT + "=")) {
                jvmArgs.add(arg);
            }
        });
        jvmArgs.add("-D" + ResultKeys.VARIANT + "=" + variant);
        result.add("jvmArgs", jvmArgs);
        return result;
    }

    private Clients clients(JsonObject... results) throws Exception {
        return Clients.of(Verdict.of(Row.of(JmhRun.read(Fixtures.write(folder, results)))));
    }

    @Test
    void eachStackIsComparedAtItsSettingWithEveryRequestInFlight() throws Exception {
        Clients clients = clients(
                gather("okHttpSized", "okHttpAsync", 100, 1000, 1000, 110, 1),
                gather("okHttpSized", "okHttpAsync", 1000, 1000, 1000, 200, 4),
                gather("httpClientAsync", "httpClientAsync", 100, 0, 0, 120, 1),
                gather("httpClientAsync", "httpClientAsync", 1000, 0, 0, 300, 4),
                gather("apacheAsync", "apacheAsync", 100, 0, 0, 2040, 5),
                gather("apacheSized", "apacheAsync", 100, 1000, 1000, 111, 1),
                gather("apacheSized", "apacheAsync", 1000, 1000, 1000, 201, 4),
                // Jetty's defaults only, capped at N = 1000: no setting of its stack has every request in flight.
                gather("jettyAsync", "jettyAsync", 1000, 0, 0, 1634, 4),
                // A pool of 20 compares models, not stacks: it plays no part here.
                gather("threadPool", "threadPool", 100, 20, 0, 510, 2));

        assertThat(clients.sized().keySet()).containsExactly(ClientStack.okHttp, ClientStack.jdkHttpClient,
                ClientStack.apacheAsync);
        assertThat(clients.sized().get(ClientStack.apacheAsync).setting()).isEqualTo("apacheAsync (1000/route, 1000 total)");
        assertThat(clients.rankings()).extracting(Ranking::urls).containsExactly(100, 1000);
        Ranking atLargest = clients.atLargest().orElseThrow();
        assertThat(atLargest.urls()).isEqualTo(1000);
        assertThat(atLargest.best().model().clientStack()).isEqualTo(ClientStack.okHttp);
        assertThat(atLargest.others()).extracting(a -> a.row().model().clientStack(), Ranking.Against::judgement)
                .contains(org.assertj.core.groups.Tuple.tuple(ClientStack.jdkHttpClient, Judgement.different));
        assertThat(atLargest.others()).extracting(a -> a.row().model().clientStack())
                .containsExactlyInAnyOrder(ClientStack.apacheAsync, ClientStack.jdkHttpClient);
        // The defaults that held fewer than N, each at the smallest N where they did, named by their cards.
        assertThat(clients.capped()).extracting(c -> c.row().setting(), c -> c.row().urls(), Clients.Capped::bound)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apacheAsync (5/route, 25 total)", 100,
                                "capped by Apache's connection pool (5 per route, 25 in all): 5 in flight, 20 waves"),
                        org.assertj.core.groups.Tuple.tuple("jettyAsync (64 connections, 1024 queued)", 1000,
                                "capped by Jetty's 64 connections per destination: 64 in flight, 16 waves"));
        assertThat(Clients.stackOf(clients.sized().get(ClientStack.okHttp))).isEqualTo(ClientStack.okHttp);
    }

    @Test
    void oneStackIsNoComparison() throws Exception {
        Clients clients = clients(gather("okHttpSized", "okHttpAsync", 100, 100, 100, 110, 1),
                gather("virtualThreads", "virtualThreads", 100, 0, 0, 105, 1),
                gather("apacheAsync", "apacheAsync", 100, 0, 0, 2040, 5));

        assertThat(clients.isEmpty()).isTrue();
        assertThat(clients.rankings()).isEmpty();
        assertThat(clients.capped()).isEmpty();
        assertThat(clients.atLargest()).isEmpty();
    }
}
