package fetchbench.report;

import fetchbench.result.ReportException;
import fetchbench.result.WholeFile;
import fetchbench.stats.Margin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Entry point of scripts/chart.sh and scripts/digest.sh (scripts/compare.sh starts ComparisonPage itself, for its option). */
public final class ReportMain {

    static final String CHART_USAGE = "usage: scripts/chart.sh <run-dir | jmh.json>";
    static final String DIGEST_USAGE = "usage: scripts/digest.sh [FILE.md ...]";
    static final String COMPARE_USAGE = "usage: scripts/compare.sh <run A: run-dir | jmh.json> <run B: run-dir | jmh.json>";
    static final int EXIT_USAGE = 2;

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        WholeFile.stopOnSignals();
        System.exit(run(args, WholeFile.quietWhenStopping(System.out), WholeFile.quietWhenStopping(System.err)));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        List<String> inputs = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
        String usage = switch (command) {
            case "compare" -> COMPARE_USAGE;
            case "digest" -> DIGEST_USAGE;
            default -> CHART_USAGE;
        };
        for (String input : inputs) {
            if (input.startsWith("-")) {
                // These scripts take no flags: a typed one would otherwise be read as a missing run folder.
                err.println("unknown option '" + input + "'; allowed: none (" + usage + ")");
                return EXIT_USAGE;
            }
        }
        try {
            Margin.current();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " (FETCHBENCH_MARGIN)");
            return EXIT_USAGE;
        }
        int expected = "compare".equals(command) ? 2 : 1;
        if (!List.of("chart", "compare", "digest").contains(command) || inputs.size() != expected) {
            err.println(usage);
            return EXIT_USAGE;
        }
        try {
            if (command.equals("digest")) {
                Path readme = Path.of(inputs.get(0)).toAbsolutePath();
                if (!Files.isRegularFile(readme)) {
                    throw new ReportException(inputs.get(0) + ": no such file");
                }
                String text = Files.readString(readme);
                String rewritten = Digest.rewrite(text, readme.getParent());
                WholeFile.writeString(readme, rewritten);
                out.println((rewritten.equals(text) ? "unchanged: " : "rewrote the digests of ") + readme);
            } else if (command.equals("chart")) {
                List<Path> written = Report.render(jmhJson(inputs.get(0)), out::println);
                out.println("wrote " + written.size() + " files; open " + written.get(written.size() - 1));
            } else {
                ComparisonPage.Written written = ComparisonPage.writeWithSummary(jmhJson(inputs.get(0)), jmhJson(inputs.get(1)), out);
                out.print(written.summary());
                out.println("wrote " + written.folder().resolve(Report.INDEX));
            }
            return 0;
        } catch (ReportException e) {
            err.println(e.getMessage() + " (" + usage + ")");
            return EXIT_USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    /** A run folder or its jmh.json. */
    static Path jmhJson(String argument) throws ReportException {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            path = path.resolve("jmh.json");
        }
        if (!Files.isRegularFile(path)) {
            throw new ReportException(argument + ": no jmh.json there");
        }
        return path;
    }
}
