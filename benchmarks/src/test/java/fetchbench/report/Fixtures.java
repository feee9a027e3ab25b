package fetchbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-in JMH JSON of two real runs, copied into a folder of the test's own. */
final class Fixtures {

    private Fixtures() {
    }

    /** Copies fixtures/{@code run}/jmh.json to {@code folder}/{@code run}/jmh.json and returns that path. */
    static Path copy(String run, Path folder) throws IOException {
        Path target = folder.resolve(run).resolve("jmh.json");
        Files.createDirectories(target.getParent());
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + run + "/jmh.json")) {
            if (in == null) {
                throw new IOException("missing test resource fixtures/" + run + "/jmh.json");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
