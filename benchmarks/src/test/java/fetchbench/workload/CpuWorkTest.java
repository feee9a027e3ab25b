package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CPU-heavy shape's body and its work, whose result the verifier compares with the expected one. */
class CpuWorkTest {

    private static long[] values(String body) {
        Matcher m = Pattern.compile("\"values\":\\[([0-9,]*)\\]").matcher(body);
        assertThat(m.find()).isTrue();
        return Arrays.stream(m.group(1).split(",")).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void aLargeBodyIsHealthyEchoesItsUrlAndHoldsItsValues() {
        String body = CpuWork.largeBody(30, "7");

        assertThat(Health.of(new fetchbench.model.Outcome(null, 200, body, 1, 1, null))).isEqualTo(Health.UP);
        assertThat(body).startsWith("{\"status\":\"ok\",\"delayMs\":30,\"i\":\"7\",\"values\":[").endsWith("]}\n");
        long[] values = values(body);
        assertThat(values).hasSize(CpuWork.VALUES);
        assertThat(Arrays.stream(values).allMatch(v -> v >= 0 && v < 10_000_000)).isTrue();
        // The generator cycles after about a hundred values; the work parses and hashes, so only a constant body would matter.
        assertThat(Arrays.stream(values).distinct().count()).isGreaterThan(100);
        assertThat(body.length()).isGreaterThan(20_000);
    }

    @Test
    void aLargeBodyIsTheSameForTheSameUrlAndDiffersWithTheDelay() {
        assertThat(CpuWork.largeBody(30, "7")).isEqualTo(CpuWork.largeBody(30, "7"));
        assertThat(values(CpuWork.largeBody(30, "7"))).isNotEqualTo(values(CpuWork.largeBody(31, "7")));
    }

    @Test
    void theWorkSumsTheValuesAndHashesTheWholeBody() {
        String body = CpuWork.largeBody(5, "0");
        String result = new CpuWork().apply(body);

        assertThat(result).startsWith("sum=" + Arrays.stream(values(body)).sum() + " sha256=");
        assertThat(result).matches("sum=[0-9]+ sha256=[0-9a-f]{64}");
        assertThat(new CpuWork().apply(body)).isEqualTo(result);
        String sameValuesOtherIndex = CpuWork.largeBody(5, "1");
        String other = new CpuWork().apply(sameValuesOtherIndex);
        assertThat(other.substring(0, other.indexOf(' '))).isEqualTo(result.substring(0, result.indexOf(' ')));
        assertThat(other).isNotEqualTo(result);
    }

    /**
     * Pinned: the work's hash rounds are what the CPU-heavy shape measures, so a change to them
     * (which moves every CPU-heavy result) fails here and must be made on purpose. The value is
     * 500 rounds of SHA-256 over the previous digest and the body, computed outside Java.
     */
    @Test
    void theWorksHashRoundsArePinned() {
        String result = new CpuWork().apply("{\"values\":[1,2,3]}");

        assertThat(result).startsWith("sum=6 sha256=");
        assertThat(CpuWork.HASH_ROUNDS).isEqualTo(500);
        assertThat(result).isEqualTo("sum=6 sha256=" + PINNED);
    }

    private static final String PINNED = "87628e7ee2ccf350bee300f910c2cfe2489d09656cb07e92be43bc6dbdd79a47";
}
