package fetchbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-time conversion of the run facts that were sentences joined by " | ". */
class MigrationTest {

    private static final List<String> PROBES = List.of(
            "okHttp over h2, 256 at once: 256 answered, opened 128 more connection(s)",
            "okHttp over h2c, 256 at once: 256 answered, queued them on its 1 connection",
            "jdkHttpClient over h2, 256 at once: 128 answered, failed 128 of them (first error: IOException: too many "
                    + "concurrent streams)",
            "reactorNetty over h2c, 8 at once: 8 answered, answered them all (the server does not count connections)");

    @Test
    void notesAndProbesBecomeJsonArraysThatReadBackAsTheSameSentences() {
        String old = String.join("\n", "[", "  {", "    \"jvmArgs\" : [",
                "      \"-Xms2g\",",
                "      \"-Dfetchbench.notes=sequential skipped for urls=1000: over 20 s | structured needs JDK 25\",",
                "      \"-Dfetchbench.streamLimitProbe=" + String.join(" | ", PROBES) + "\"",
                "    ]", "  }", "]", "");

        String converted = Migration.migrate(old);

        List<String> args = new java.util.ArrayList<>();
        JsonArray jvmArgs = JsonParser.parseString(converted).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonArray("jvmArgs");
        jvmArgs.forEach(arg -> args.add(arg.getAsString()));
        assertThat(args.get(0)).isEqualTo("-Xms2g");
        assertThat(Notes.decode(args.get(1).substring("-Dfetchbench.notes=".length())))
                .containsExactly("sequential skipped for urls=1000: over 20 s", "structured needs JDK 25");
        assertThat(ProbeOutcome.decode(args.get(2).substring("-Dfetchbench.streamLimitProbe=".length())))
                .extracting(ProbeOutcome::describe).containsExactlyElementsOf(PROBES);
        // Converted lines stay as they are: the migration runs once however often it is called.
        assertThat(Migration.migrate(converted)).isEqualTo(converted);
        assertThat(converted.lines().count()).isEqualTo(old.lines().count());
    }

    @Test
    void aProbeSentenceBecomesItsRecord() {
        assertThat(Migration.probe(PROBES.get(0))).isEqualTo(new ProbeOutcome(ClientStack.okHttp, Protocol.h2, 256,
                256, 0, 128, null));
        assertThat(Migration.probe(PROBES.get(2))).isEqualTo(new ProbeOutcome(ClientStack.jdkHttpClient, Protocol.h2,
                256, 128, 128, -1, "IOException: too many concurrent streams"));
        assertThatThrownBy(() -> Migration.probe("okHttp did something else")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notesRoundTripWhateverTheyHoldAndWriteNoEscapesForEquals() {
        List<String> notes = List.of("a | b", "urls=100 \"quoted\" <tag>", "");
        String json = Notes.encode(notes);
        assertThat(Notes.decode(json)).isEqualTo(notes);
        assertThat(json).contains("urls=100");
    }

    @Test
    void theServerCheckSentenceBecomesItsRecordsInEveryFormItWasWrittenIn() {
        String today = "ok at N=10, 20 ms (32 ms, bound 61), N=1000, 100 ms (212 ms, bound 440); FAILED: N=10000 "
                + "requests delayed 1000 ms answered in 2900 ms (median of 5; bound 1800 ms = the delay + 2 × the "
                + "floor of 400.0 ms); likely limit: CPU (client and server share this machine's cores); results at "
                + "N=10000 measure the server, not the models";
        assertThat(Migration.serverCheck(today)).containsExactly(
                new ServerCheckOutcome(10, 20, 32, 61, true, ""),
                new ServerCheckOutcome(1000, 100, 212, 440, true, ""),
                new ServerCheckOutcome(10000, 1000, 2900, 1800, false,
                        "CPU (client and server share this machine's cores)"));
        // The first runs wrote the time over the delay and no bound.
        assertThat(Migration.serverCheck("ok at N=10 (1.02×) with 1000 ms delays")).singleElement()
                .satisfies(o -> assertThat(o.elapsedMs()).isEqualTo(1020.0))
                .satisfies(o -> assertThat(o.boundMs()).isNaN());
        assertThatThrownBy(() -> Migration.serverCheck("fine")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerCheckRoundTripsAndReadsAsBefore() {
        List<ServerCheckOutcome> checks = List.of(new ServerCheckOutcome(10, 20, 32, 61, true, ""),
                new ServerCheckOutcome(10, 1000, 1020, Double.NaN, true, ""),
                new ServerCheckOutcome(100, 20, 400, 175, false, "CPU"));
        assertThat(ServerCheckOutcome.decode(ServerCheckOutcome.encode(checks))).isEqualTo(checks);
        assertThat(ServerCheckOutcome.describe(checks)).isEqualTo("ok at N=10, 20 ms (32 ms, bound 61), N=10, 1000 ms (1020 ms); "
                + "FAILED at N=100, 20 ms (400 ms, bound 175); likely limit: CPU; results at N=100 measure the server, "
                + "not the models");
    }
}
