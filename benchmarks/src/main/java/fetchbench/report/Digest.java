package fetchbench.report;

import fetchbench.analysis.Answer;
import fetchbench.analysis.Calibration;
import fetchbench.analysis.Clients;
import fetchbench.analysis.Load;
import fetchbench.analysis.Protocols;
import fetchbench.analysis.Row;
import fetchbench.analysis.Tuning;
import fetchbench.analysis.Verdict;
import fetchbench.result.JmhRun;
import fetchbench.result.ReportException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.MarkdownRenderer;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Text;
import fetchbench.result.ResultKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A run in Markdown, for the README: every figure is read from the run's jmh.json (and its
 * environment.json where there is one), so the README quotes no number typed by hand. A digest
 * sits between a begin marker that names its kind and run and an end marker;
 * {@code scripts/digest.sh} rewrites every digest of the README, and a test fails when one differs
 * from what its run renders.
 */
public final class Digest {

    /** What a digest shows. */
    public enum Kind {
        /** Every result of the run, with the comparisons its intervals allow. */
        reference,
        /** The run's largest gather N: its results and what they cost. */
        scale,
        /** "Which model?": each setting's time, cost, verdict and what to set (see {@link Verdict}). */
        verdict,
        /** The answer in two sentences, for the README's first lines (see {@link Answer}). */
        answer,
        /** The short "Which model?": each setting's mean at every N and what to set. */
        whichModel,
        /** "Which client?": each client stack at its best setting, and the defaults that cap one (see {@link Clients}). */
        clients,
        /** Each client stack over TLS and HTTP/2 beside HTTP/1.1 (see {@link Protocols}). */
        protocols,
        /** The gather under load: knees, latency percentiles, callers at once (see {@link Load}). */
        load
    }

    static final Pattern BLOCK = Pattern.compile(
            "<!-- digest (\\w+) (\\S+) -->\\n.*?<!-- end of digest -->", Pattern.DOTALL);

    private Digest() {
    }

    /** Every digest block of the README text rendered again from the run it names, relative to {@code root}. */
    public static String rewrite(String readme, Path root) throws ReportException, IOException {
        Matcher block = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            Kind kind = kind(block.group(1));
            block.appendReplacement(out, Matcher.quoteReplacement(block(kind, block.group(2), root)));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** One block, markers included, e.g. for {@code results/2026-11-23T160000Z}. */
    static String block(Kind kind, String runFolder, Path root) throws ReportException, IOException {
        Path folder = root.resolve(runFolder).toAbsolutePath().normalize();
        return "<!-- digest " + kind + " " + runFolder + " -->\n" + render(kind, runFolder, folder)
                + "<!-- end of digest -->";
    }

    private static Kind kind(String name) throws ReportException {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ReportException("unknown digest kind '" + name + "'; allowed: " + Arrays.stream(Kind.values())
                    .map(Kind::name).collect(Collectors.joining(", ")));
        }
    }

    static String render(Kind kind, String link, Path folder) throws ReportException, IOException {
        JmhRun run = JmhRun.read(ReportMain.jmhJson(folder.toString()));
        List<Row> rows = Row.of(run);
        List<Block> blocks = new ArrayList<>();
        if (kind == Kind.answer || kind == Kind.whichModel) {
            List<Verdict> verdicts = Verdict.of(rows, run);
            if (verdicts.isEmpty()) {
                throw new ReportException(link + ": no headline scenario to answer from");
            }
            if (kind == Kind.answer) {
                blocks.add(WhichModelSection.answer(Answer.of(verdicts).orElseThrow(() -> new ReportException(link
                        + ": no result with two forks or more at the largest N to answer from"))));
                blocks.add(source(run, link, folder));
            } else {
                blocks.addAll(WhichModelSection.shortTable(verdicts));
            }
            return MarkdownRenderer.blocks(new Section("digest", kind.name(), blocks));
        }
        blocks.add(header(run, link, folder, kind));
        switch (kind) {
            case verdict -> blocks.addAll(brief(WhichModelSection.of(Verdict.of(rows, run), Load.of(run),
                    Report.incomplete(run.source()))));
            case clients -> blocks.addAll(brief(WhichClientSection.of(Clients.of(Verdict.of(rows, run)))));
            case protocols -> blocks.addAll(brief(ProtocolsSection.of(Protocols.of(run, rows))));
            case load -> blocks.addAll(brief(UnderLoadSection.of(Load.of(run), List.of())));
            case reference -> {
                blocks.addAll(ResultSections.scenarios(rows));
                blocks.addAll(brief(TuningSection.of(run, rows)));
                blocks.addAll(ResultSections.cost(rows));
                blocks.addAll(brief(RunSections.floor(Calibration.of(run))));
                RunSections.serverCheck(run).ifPresent(check -> blocks.add(Bullets.of(List.of(check))));
            }
            case scale -> {
                blocks.addAll(ResultSections.cost(rows));
                blocks.addAll(brief(RunSections.floorAt(ResultSections.largestGatherN(rows),
                        Calibration.of(run))));
                RunSections.serverCheck(run).ifPresent(check -> blocks.add(Bullets.of(List.of(check))));
            }
        }
        return MarkdownRenderer.blocks(new Section("digest", kind.name(), blocks));
    }

    /** A section's blocks without its legends: a digest's header says how to read its figures. */
    private static List<Block> brief(Section section) {
        return section.blocks().stream().filter(b -> !(b instanceof Paragraph p && p.role() == Paragraph.Role.legend))
                .toList();
    }

    /** "From the reference run X (12.5 min, JDK 25.0.3 …, 2 cores)": the answer's source in a line, without the code's hash. */
    private static Paragraph source(JmhRun run, String link, Path folder) throws IOException {
        String minutes = "";
        Path environment = folder.resolve("environment.json");
        if (Files.isRegularFile(environment)) {
            JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
            if (env.has("durationSeconds")) {
                minutes = String.format(Locale.ROOT, "%.1f min, ", env.get("durationSeconds").getAsLong() / 60.0);
            }
        }
        return new Paragraph(Text.of("From the reference run ").thenLink(folder.getFileName().toString(),
                link + "/index.html").then(" (" + minutes + run.environment() + "), "
                + "written by scripts/digest.sh."), Paragraph.Role.fact);
    }

    /** Which run, on what, with which code, how sampled, and how to read the figures. */
    private static Paragraph header(JmhRun run, String link, Path folder, Kind kind) throws IOException {
        StringBuilder facts = new StringBuilder();
        Path environment = folder.resolve("environment.json");
        if (Files.isRegularFile(environment)) {
            JsonObject env = JsonParser.parseString(Files.readString(environment)).getAsJsonObject();
            if (env.has("profile")) {
                facts.append(", profile ").append(env.get("profile").getAsString());
            }
            if (env.has("durationSeconds")) {
                facts.append(String.format(Locale.ROOT, ", %.1f min", env.get("durationSeconds").getAsLong() / 60.0));
            }
        }
        facts.append(": ").append(run.environment());
        run.forkProperty(ResultKeys.SOURCE).ifPresent(source -> facts.append("; code ").append(source));
        List<Integer> measured = run.results().stream().map(r -> r.forks() * r.measurementIterations()).distinct()
                .sorted().toList();
        List<Integer> forks = run.results().stream().map(JmhRun.Result::forks).distinct().sorted().toList();
        facts.append(String.format(Locale.ROOT, "; %s fork(s) and %d–%d measured batches per result. ",
                forks.stream().map(String::valueOf).collect(Collectors.joining("–")), measured.get(0),
                measured.get(measured.size() - 1)));
        return new Paragraph(Text.of("Run ").thenLink(folder.getFileName().toString(), link + "/index.html")
                .then(facts.toString()).then(reading(kind)), Paragraph.Role.fact);
    }

    private static String reading(Kind kind) {
        return switch (kind) {
            case verdict, answer, whichModel -> "Figures are ms per batch, the mean ± half its 95 % interval from the fork means; ×: "
                    + "the mean over the ideal (waves × d).";
            case load -> "Latencies are ms from each gather's intended start, each percentile read off the "
                    + "histograms of every measured window of every fork merged, [its 95 % interval] from a bootstrap "
                    + "over forks and runs of windows; within or over: the interval's top within the bound, or its "
                    + "bottom past it; a round of callers is ms, the mean ± half its 95 % interval from the fork means; inside its band [theory, theory + the floor at M·N] "
                    + "when the whole interval is, below or above when it lies wholly outside, straddles otherwise.";
            case clients -> "Figures are ms per batch, the mean ± half its 95 % interval from the fork means; ×: "
                    + "the mean over the ideal (waves × d); CPU per request in µs, the client's (the server's in "
                    + "brackets), and KB each request in flight held, at the largest N each setting ran; a capped "
                    + "setting's band is [ideal, ideal + the stack's floor at its cap once per wave]; inside: the whole "
                    + "interval lies in it; below or above: wholly outside it; straddles: across an edge.";
            case reference, scale, protocols -> "Figures are ms per batch, the mean ± half its 95 % interval from "
                    + "the fork means; ×: the mean over the ideal (waves × d, or the greedy schedule); inside: the "
                    + "whole interval lies in the band [ideal, ideal + the floor of the model's client stack, "
                    + "measured first in the run; for a gather capped below N, where the run measured the floor at its "
                    + "cap, that floor once per wave]; below or above: wholly outside it; straddles: across an edge; band too "
                    + "wide: a band over half its ideal, too wide to judge by.";
        };
    }
}
