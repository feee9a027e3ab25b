package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Protocols;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol table's ratios and verdicts, on constructed results. */
class ProtocolsTest {

    @TempDir
    Path folder;

    private JsonObject gather(String protocol, double score, double error) throws Exception {
        return Fixtures.result(folder, "fetchbench.bench.GatherBenchmark.gather", Map.of("model", "reactor", "urls",
                "100", "delayMs", "100", "concurrency", "0", "maxRequests", "0", "protocol", protocol), score, error);
    }

    @Test
    void eachProtocolStandsBesideItsOwnHttp1TimeWithTheRatiosInterval() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("http1", 100, 2), gather("h2", 150, 3),
                gather("https1", 101, 2)));
        Protocols protocols = Protocols.of(run, Row.of(run));

        assertThat(protocols.byN()).containsOnlyKeys(100);
        assertThat(protocols.byN().get(100)).extracting(r -> r.protocol().name())
                .containsExactly("http1", "https1", "h2");
        Row h2 = protocols.byN().get(100).get(2);
        Row https1 = protocols.byN().get(100).get(1);
        // 150 ÷ 100; from (150 − 3) ÷ (100 + 2) to (150 + 3) ÷ (100 − 2).
        assertThat(protocols.ratioText(h2)).isEqualTo("1.50× (1.44–1.56)");
        assertThat(protocols.change(h2)).isEqualTo("slower");
        assertThat(protocols.change(https1)).isEqualTo("indistinguishable");
        assertThat(protocols.ratioText(protocols.byN().get(100).get(0))).isEqualTo("–");
        assertThat(protocols.verdictLines()).containsExactly(
                "over https1 at N = 100: fastest reactor (flatMap default 256); against its own HTTP/1.1 time: "
                        + "reactor (flatMap default 256) 1.01× (0.97–1.05), indistinguishable",
                "over h2 at N = 100: fastest reactor (flatMap default 256); against its own HTTP/1.1 time: "
                        + "reactor (flatMap default 256) 1.50× (1.44–1.56), slower");
    }

    @Test
    void aRunWithoutOtherProtocolsHasNoSection() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("http1", 100, 2)));
        assertThat(Protocols.of(run, Row.of(run)).isEmpty()).isTrue();
    }
}
