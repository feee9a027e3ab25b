package fetchbench.result;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output folders that never replace an earlier one: {@code name}, else {@code name-2}, {@code name-3}, … */
public final class NewFolder {

    private NewFolder() {
    }

    public static Path create(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        for (int attempt = 1; ; attempt++) {
            Path candidate = parent.resolve(attempt == 1 ? name : name + "-" + attempt);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // An earlier run or comparison has this name; try the next suffix.
            }
        }
    }
}
