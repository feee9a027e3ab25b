package fetchbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all, and the rules while the JVM stops: hooks write, others wait or are refused. */
class WholeFileTest {

    /** Each file the writer of {@link Stopped} writes: 4 MB, long enough to be caught half-way. */
    static final int SIZE = 4 << 20;

    @TempDir
    Path folder;

    @Test
    void aFileIsWrittenUnderAHiddenNameAndMovedIntoPlace() throws Exception {
        Path target = folder.resolve("a.json");
        WholeFile.writeString(target, "first");
        WholeFile.write(target, out -> {
            assertThat(target).hasContent("first"); // the old file stays until the new one is whole
            assertThat(WholeFile.partOf(target)).exists().hasFileName(".a.json.part");
            out.write("second".getBytes());
        });
        assertThat(target).hasContent("second");
        assertThat(WholeFile.partOf(target)).doesNotExist();
    }

    @Test
    void aWriteThatFailsLeavesTheEarlierFileAndNoPart() throws Exception {
        Path target = folder.resolve("b.png");
        WholeFile.writeString(target, "earlier");
        assertThatThrownBy(() -> WholeFile.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).hasMessage("cannot write " + target + ": disk full");
        assertThat(target).hasContent("earlier");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    /**
     * A JVM whose main thread writes 4 MB files one after another is sent SIGTERM: its hook still
     * writes its own file, the main thread's write under way ends whole or not at all, and no
     * later one starts.
     */
    @Test
    void stoppedWhileWritingEveryFileIsWholeAndTheHookStillWrites() throws Exception {
        try (Processes.Jvm jvm = Processes.start(Stopped.class, List.of(), List.of(folder.toString()))) {
            jvm.awaitLine(line -> line.equals("writing"), 60);
            assertThat(Processes.run(List.of("kill", "-TERM", String.valueOf(jvm.process().pid())), 10)).isZero();
            assertThat(jvm.awaitExit(60)).isEqualTo(128 + 15);
        }
        assertThat(folder.resolve("hook.txt")).hasContent("written by the hook");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.filter(f -> f.getFileName().toString().startsWith("file-")).toList();
            assertThat(written).isNotEmpty().allSatisfy(f -> assertThat(Files.size(f)).isEqualTo(SIZE));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(WholeFile.PART));
        }
    }

    /** The JVM of the test above: writes two files in turn until refused, with a hook that writes one more. */
    public static final class Stopped {
        public static void main(String[] args) throws Exception {
            WholeFile.stopOnSignals();
            Path folder = Path.of(args[0]);
            WholeFile.onInterrupt("test-hook", () -> {
                try {
                    WholeFile.writeString(folder.resolve("hook.txt"), "written by the hook");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] bytes = new byte[SIZE];
            for (int i = 0; ; i++) {
                try {
                    WholeFile.write(folder.resolve("file-" + i % 2), out -> {
                        for (int k = 0; k < SIZE; k += 4096) {
                            out.write(bytes, k, 4096);
                        }
                    });
                } catch (IOException refused) {
                    Thread.sleep(Long.MAX_VALUE); // the hooks end the JVM
                }
                if (i == 0) {
                    System.out.println("writing");
                }
            }
        }
    }
}
