package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A lock held by another process ends the wait for it with a message, within the time given, instead of a hang. */
@Tag("integration")
class LocksTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLockHeldElsewhereFailsTheWaitWithItsReason() throws Exception {
        Path lock = folder.resolve("jmh.lock");
        try (Processes.Jvm holder = Processes.start(Locks.class, List.of(), List.of(lock.toString()))) {
            holder.awaitLine(line -> line.equals("holding " + lock), 30);

            assertThatThrownBy(() -> Locks.take(lock, Duration.ofSeconds(2))).isInstanceOf(AssertionError.class)
                    .hasMessage("could not take the lock on " + lock + " within 2 s: another process holds it (on "
                            + "/tmp/jmh.lock, a benchmark running on this machine); run the tests when it has ended");
        }
        // Once the holder is gone the lock is free again.
        try (Locks.Held held = Locks.take(lock, Duration.ofSeconds(30))) {
            assertThat(held.lock().isValid()).isTrue();
        }
    }
}
