package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages' arrows point one way: read from the main sources (code only, not comments or
 * strings), no package reaches back to one that reaches it, and the report side reads the run's
 * data (result/) and the catalog, never the code that ran it (run/, bench/).
 */
class PackagesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\bfetchbench\\.([a-z]+)\\.[A-Z]");

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> uses = uses();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                assertThat(reaches(uses, to, from)).as("%s uses %s, and %s reaches back to %s", from, to, to, from)
                        .isFalse();
            }
        }
    }

    @Test
    void theReportSideReadsNoRunOrBenchmarkCode() {
        Map<String, Set<String>> uses = uses();
        for (String reportSide : List.of("report", "analysis", "charts", "document")) {
            assertThat(uses.getOrDefault(reportSide, Set.of())).as(reportSide).doesNotContain("run", "bench");
        }
        // Analysis computes values; only the report builds sections from them, and the document knows nothing else.
        assertThat(uses.getOrDefault("analysis", Set.of())).doesNotContain("report", "charts", "document");
        assertThat(uses.getOrDefault("charts", Set.of())).doesNotContain("report", "document");
        assertThat(uses.getOrDefault("document", Set.of())).isEmpty();
        assertThat(uses.getOrDefault("result", Set.of())).doesNotContain("run", "bench", "report", "analysis",
                "server");
        assertThat(uses.getOrDefault("catalog", Set.of())).doesNotContain("run", "bench", "report", "server",
                "result");
    }

    /** The check itself: it sees a cycle and a forbidden arrow where there is one. */
    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> cyclic = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertThat(reaches(cyclic, "b", "a")).isTrue();
        assertThat(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a")).isFalse();
        assertThat(referencedPackages("import fetchbench.run.Step; // fetchbench.bench.X\nString s = "
                + "\"fetchbench.server.Y \\\" fetchbench.theory.Z\"; /* fetchbench.model.M */ char c = '\"'; "
                + "String t = \"\"\"\n fetchbench.workload.W \"\"\"; fetchbench.catalog.Model m;", "report"))
                .containsExactlyInAnyOrder("run", "catalog");
    }

    /** Package (below fetchbench) to the packages its code refers to. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.')
                        .replaceFirst("^fetchbench\\.?", "");
                uses.computeIfAbsent(pkg, p -> new TreeSet<>()).addAll(referencedPackages(read(file), pkg));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(uses).as("the main sources, read from %s", MAIN.toAbsolutePath()).containsKeys("report", "run");
        return uses;
    }

    static Set<String> referencedPackages(String source, String own) {
        Set<String> referenced = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(codeOnly(source));
        while (matcher.find()) {
            if (!matcher.group(1).equals(own)) {
                referenced.add(matcher.group(1));
            }
        }
        return referenced;
    }

    /** The source without its comments, and with every string, text block and char literal emptied. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) < 0 ? source.length() : source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) < 0 ? source.length() : source.indexOf("\"\"\"", i + 3) + 3;
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i++);
                while (i < source.length() && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(quote).append(quote);
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to) {
        Deque<String> next = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String pkg = next.pop();
            if (pkg.equals(to)) {
                return true;
            }
            if (seen.add(pkg)) {
                next.addAll(uses.getOrDefault(pkg, Set.of()));
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
