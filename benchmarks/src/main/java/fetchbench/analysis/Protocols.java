package fetchbench.analysis;

import fetchbench.result.JmhRun;

import fetchbench.result.Metrics;

import fetchbench.model.Protocol;
import fetchbench.result.ProbeOutcome;
import fetchbench.result.ResultKeys;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.stats.Ratio;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protocols compared: each client stack's gather over HTTP/1.1 and HTTP/2, in cleartext and
 * over TLS, at the N where the run compared them, beside the same setting's HTTP/1.1 time, with the
 * new connections and handshakes each batch made against those the pool arithmetic predicts; and
 * what each stack did past the server's HTTP/2 stream limit.
 *
 * @param byN   at each N, the rows of every setting the run measured over another protocol, http1 first
 * @param probe what each stack did with twice the stream limit at once, as the run measured it
 */
public record Protocols(Map<Integer, List<Row>> byN, List<String> probe) {

    public static Protocols of(JmhRun run, List<Row> rows) {
        List<Row> gather = rows.stream().filter(r -> r.shape() == Shape.gather && !r.isSweep()
                && r.delays().profile() == DelayProfile.fixed).toList();
        Map<Integer, List<Row>> byN = new TreeMap<>();
        gather.stream().filter(r -> r.protocol() != Protocol.http1).map(Row::urls).distinct().forEach(n -> {
            List<Row.SettingKey> settings = gather.stream().filter(r -> r.urls() == n && r.protocol() != Protocol.http1)
                    .map(Row::settingKey).distinct().toList();
            byN.put(n, gather.stream().filter(r -> r.urls() == n && settings.contains(r.settingKey()))
                    .sorted(Comparator.comparing((Row r) -> r.model().ordinal()).thenComparing(Row::connectionPool)
                            .thenComparingInt(Row::concurrency).thenComparingInt(Row::maxRequests)
                            .thenComparing(Row::protocol)).toList());
        });
        List<String> probe = run.forkProperty(ResultKeys.STREAM_LIMIT_PROBE).map(ProbeOutcome::decode)
                .orElse(List.of()).stream().map(ProbeOutcome::describe).toList();
        return new Protocols(byN, probe);
    }

    public boolean isEmpty() {
        return byN.isEmpty();
    }

    /** The same setting over HTTP/1.1 in cleartext at the same N and delay, if the run measured it. */
    public Optional<Row> plain(Row row) {
        return byN.getOrDefault(row.urls(), List.of()).stream().filter(r -> r.protocol() == Protocol.http1
                && r.settingKey().equals(row.settingKey()) && r.delayMs() == row.delayMs()).findFirst();
    }

    /** A row over another protocol against its own HTTP/1.1 time: the ratio, and what it allows one to say. */
    public record AgainstPlain(Ratio ratio, Judgement judgement) {
    }

    /**
     * Every row over another protocol at N against its own HTTP/1.1 time, tested as one family;
     * a row without its HTTP/1.1 time, or one a verdict may not rest on, is not compared.
     */
    public Map<Row, AgainstPlain> againstPlain(int n) {
        List<Row> compared = byN.getOrDefault(n, List.of()).stream().filter(r -> r.protocol() != Protocol.http1
                && r.trusted() && plain(r).filter(Row::trusted).isPresent()).toList();
        double margin = Margin.current();
        List<Ratio> ratios = compared.stream().map(r -> Ratio.of(plain(r).orElseThrow().forkMeans(), r.forkMeans(),
                margin)).toList();
        List<Judgement> judgements = Judgement.of(ratios);
        Map<Row, AgainstPlain> against = new LinkedHashMap<>();
        for (int i = 0; i < compared.size(); i++) {
            against.put(compared.get(i), new AgainstPlain(ratios.get(i), judgements.get(i)));
        }
        return against;
    }

    /** "1.12× [1.05–1.20], different", or "–" for HTTP/1.1 itself and where nothing was compared. */
    public String ratioText(Row row) {
        AgainstPlain against = againstPlain(row.urls()).get(row);
        return against == null ? "–" : Words.ratio(against.ratio()) + ", " + against.judgement();
    }

    /** "3.0 (0)": the connections a batch opened, by the server's count, and those predicted. */
    public static String connections(Row row) {
        double measured = row.connectionsPerBatch();
        return (Double.isNaN(measured) ? "–" : String.format(Locale.ROOT, "%.1f", measured))
                + " (" + row.predictedConnections() + ")";
    }

    public static String handshakes(Row row) {
        JmhRun.Metric handshakes = row.result().secondary().get(Metrics.HANDSHAKES);
        return handshakes == null ? "–" : String.format(Locale.ROOT, "%.1f", handshakes.score());
    }

    /**
     * How the answer changes under TLS and under HTTP/2, in a line per protocol: at each N, the
     * fastest settings there ({@link Ranking}), and each against its own HTTP/1.1 time.
     */
    public List<String> verdictLines() {
        List<String> lines = new ArrayList<>();
        byN.forEach((n, rows) -> {
            for (Protocol protocol : Protocol.values()) {
                List<Row> over = rows.stream().filter(r -> r.protocol() == protocol).toList();
                if (protocol == Protocol.http1 || over.isEmpty()) {
                    continue;
                }
                List<Row> fastest = Ranking.of(n, over).fastest();
                List<String> changes = over.stream().map(r -> r.setting() + " " + ratioText(r)).toList();
                lines.add(String.format(Locale.ROOT, "over %s at N = %d: fastest %s; against its own HTTP/1.1 time: %s",
                        protocol, n, fastest.isEmpty() ? "not known" : String.join(", ",
                                fastest.stream().map(Row::setting).toList()), String.join("; ", changes)));
            }
        });
        return lines;
    }
}
