package fetchbench.report;

import fetchbench.result.Fixtures;
import fetchbench.analysis.Protocols;
import fetchbench.analysis.Row;
import fetchbench.result.JmhRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import static org.assertj.core.api.Assertions.offset;

import fetchbench.stats.Judgement;
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
    void eachProtocolIsTestedAgainstItsOwnHttp1Time() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("http1", 100, 1), gather("h2", 150, 3),
                gather("https1", 100.5, 1)));
        Protocols protocols = Protocols.of(run, Row.of(run));

        assertThat(protocols.byN()).containsOnlyKeys(100);
        assertThat(protocols.byN().get(100)).extracting(r -> r.protocol().name())
                .containsExactly("http1", "https1", "h2");
        Row h2 = protocols.byN().get(100).get(2);
        Row https1 = protocols.byN().get(100).get(1);
        Map<Row, Protocols.AgainstPlain> against = protocols.againstPlain(100);
        assertThat(against).containsOnlyKeys(h2, https1);
        assertThat(against.get(h2).judgement()).isEqualTo(Judgement.different);
        assertThat(against.get(h2).ratio().estimate()).isCloseTo(1.5, offset(0.01));
        assertThat(against.get(https1).judgement()).isEqualTo(Judgement.equivalent);
        assertThat(protocols.ratioText(h2)).matches("1\\.50× \\[1\\.4\\d–1\\.5\\d\\], different");
        assertThat(protocols.ratioText(https1)).matches("1\\.0\\d× \\[0\\.9\\d–1\\.0\\d\\], equivalent");
        assertThat(protocols.ratioText(protocols.byN().get(100).get(0))).isEqualTo("–");
        assertThat(protocols.verdictLines()).hasSize(2).first().asString()
                .startsWith("over https1 at N = 100: fastest reactor (flatMap default 256); against its own HTTP/1.1 "
                        + "time: reactor (flatMap default 256) 1.0");
    }

    @Test
    void aRunWithoutOtherProtocolsHasNoSection() throws Exception {
        JmhRun run = JmhRun.read(Fixtures.write(folder, gather("http1", 100, 2)));
        assertThat(Protocols.of(run, Row.of(run)).isEmpty()).isTrue();
    }
}
