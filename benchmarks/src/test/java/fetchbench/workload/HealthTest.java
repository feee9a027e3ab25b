package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.model.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The uptime monitor's verdicts on constructed outcomes, as each client words its errors. */
class HealthTest {

    private static final URI URL = URI.create("http://127.0.0.1:9/fetchbench/delay/0?i=4");

    private static Outcome answered(int status, String body) {
        return new Outcome(URL, status, body, 1, 1, null);
    }

    private static Outcome failed(Throwable error) {
        return new Outcome(URL, Outcome.NO_RESPONSE, null, 1, 1, error);
    }

    @Test
    void aHealthyBodyIsUpAndOneWithoutItsStatusFieldIsMalformed() {
        assertThat(Health.of(answered(200, "{\"status\":\"ok\"}"))).isEqualTo(Health.UP);
        assertThat(Health.of(answered(200, "{\"other\":1}"))).isEqualTo(Health.MALFORMED);
        assertThat(Health.of(answered(200, "[\"status\"]"))).isEqualTo(Health.MALFORMED);
        assertThat(Health.of(answered(200, "{not json"))).isEqualTo(Health.MALFORMED);
    }

    @Test
    void statusesOtherThan200AreServerErrorsFrom500AndOtherwiseFailing() {
        assertThat(Health.of(answered(500, ""))).isEqualTo(Health.SERVER_ERROR);
        assertThat(Health.of(answered(503, ""))).isEqualTo(Health.SERVER_ERROR);
        assertThat(Health.of(answered(499, ""))).isEqualTo(Health.OTHER);
        assertThat(Health.of(answered(204, "{\"status\":\"ok\"}"))).isEqualTo(Health.OTHER);
    }

    @Test
    void errorsAreReadThroughTheWrappersClientsPutAroundThem() {
        assertThat(Health.of(failed(new ConnectException("Connection refused")))).isEqualTo(Health.DOWN);
        assertThat(Health.of(failed(new UncheckedIOException(new SocketException("Connection RESET")))))
                .isEqualTo(Health.RESET);
        assertThat(Health.of(failed(new IOException("unexpected end of stream on http://…")))).isEqualTo(Health.EMPTY);
        assertThat(Health.of(failed(new IOException("wrapped", new IOException("HTTP/1.1 header parser received no bytes")))))
                .isEqualTo(Health.EMPTY);
        assertThat(Health.of(failed(new IOException("Connection prematurely closed BEFORE response"))))
                .isEqualTo(Health.EMPTY);
        assertThat(Health.of(failed(new IOException("timed out")))).isEqualTo(Health.OTHER);
    }

    @Test
    void aReportLineNamesTheUrlAndOnlyAnUnknownFailureAddsItsError() {
        assertThat(Health.DOWN.report(failed(new ConnectException("refused"))))
                .isEqualTo(URL + " is down: connection refused");
        assertThat(Health.OTHER.report(failed(new IOException("timed out"))))
                .isEqualTo(URL + " is failing (" + URL + " failed: IOException: timed out)");
    }

    @Test
    void everyKindOfUrlHasTheVerdictItsCheckMustReach() {
        assertThat(Kind.OK.health()).isEqualTo(Health.UP);
        assertThat(Kind.REFUSED.health()).isEqualTo(Health.DOWN);
        assertThat(Kind.MALFORMED.health()).isEqualTo(Health.MALFORMED);
    }
}
