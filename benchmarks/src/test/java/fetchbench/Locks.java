package fetchbench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A file lock that a test waits for with a deadline, never for ever (JMH's /tmp/jmh.lock among them). */
public final class Locks {

    private Locks() {
    }

    /** A lock held on a file; closing releases it. */
    public record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    /**
     * Takes the lock on {@code file}, trying until {@code within} has passed; then fails with the
     * reason (another process holds it), instead of waiting for ever as {@code FileChannel.lock()} would.
     */
    public static Held take(Path file, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Held(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    throw new AssertionError("could not take the lock on " + file + " within " + within.toSeconds()
                            + " s: another process holds it (on /tmp/jmh.lock, a benchmark running on this machine); "
                            + "run the tests when it has ended");
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /** Holds the lock on the file in {@code args[0]} until killed: another process, for the tests. */
    public static void main(String[] args) throws Exception {
        try (Held held = take(Path.of(args[0]), Duration.ofSeconds(10))) {
            System.out.println("holding " + args[0]);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
