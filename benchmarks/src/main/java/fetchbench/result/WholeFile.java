package fetchbench.result;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * Files written whole or not at all: each is written under a hidden name beside its place
 * ({@code .NAME.part}) and then moved into place in one step, so a reader (or a run stopped at any
 * moment) never sees a file cut short.
 *
 * <p>Ctrl-C and SIGTERM start the JVM's shutdown hooks while the main thread goes on. Hooks made
 * by {@link #onInterrupt} may still write (they keep what a run measured); once one starts, any
 * other thread's write that is under way is let finish, and every later one is refused, so no
 * half-written {@code .part} is left when the JVM halts.
 */
public final class WholeFile {

    /** What a file's bytes are, written to the stream given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The ending of the hidden name a file is written under before it is moved into place. */
    public static final String PART = ".part";

    private static final Object WRITING = new Object();
    private static final Set<Thread> HOOKS = ConcurrentHashMap.newKeySet();
    /** Set by a signal or a hook; set under WRITING by a hook, so that a write under way ends first. */
    private static volatile boolean stopping;

    private WholeFile() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code target} whole: its content under the hidden name, then moved over any earlier one. */
    public static void write(Path target, Content content) throws IOException {
        Path part = partOf(target);
        synchronized (WRITING) {
            if (refused()) {
                throw new IOException("not written, the JVM is stopping: " + target);
            }
            try {
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    OutputStream out = Channels.newOutputStream(channel);
                    content.writeTo(out);
                    out.flush();
                    channel.force(true); // on the disk before its name is
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + (e instanceof FileSystemException fs
                        && fs.getReason() != null ? fs.getReason() : e.getMessage()), e);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * Moves a folder (or file) into place in one step, unless the JVM is stopping: then false,
     * and a hook of {@link #onInterrupt} that removes {@code from} sees it still there.
     */
    public static boolean moveIntoPlace(Path from, Path to) throws IOException {
        synchronized (WRITING) {
            if (refused()) {
                return false;
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** Whether the JVM is stopping: a signal came, a hook of {@link #onInterrupt} started, or it is exiting. */
    public static boolean stopping() {
        if (stopping) {
            return true;
        }
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException exiting) {
            return true;
        }
    }

    private static boolean refused() {
        return stopping() && !HOOKS.contains(Thread.currentThread());
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM mark the JVM stopping before its shutdown begins, so the main
     * thread, seeing its server or fork die of the same Ctrl-C, knows why; then the JVM exits as
     * it would have (128 + the signal's number), running the hooks.
     */
    public static void stopOnSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    stopping = true;
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException taken) {
                // The JVM keeps this signal (-Xrs): its own shutdown runs the hooks all the same.
            }
        }
    }

    /**
     * {@code stream}, silent for every thread but the hooks once the JVM is stopping: the main
     * thread, failing as its server and forks stop, must not print a failure after the hook's
     * last line.
     */
    public static PrintStream quietWhenStopping(PrintStream stream) {
        return new PrintStream(new FilterOutputStream(stream) {
            @Override
            public void write(int b) throws IOException {
                if (!refused()) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!refused()) {
                    out.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** The hidden name {@code target} is written under. */
    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + PART);
    }

    /**
     * Runs {@code action} when the JVM is stopped (Ctrl-C, SIGTERM or exit) in a thread that may
     * still write; returns the hook, to remove when it is no longer wanted. Does nothing (and
     * returns null) when the JVM is already stopping.
     */
    public static Thread onInterrupt(String name, Runnable action) {
        Thread hook = new Thread(() -> {
            synchronized (WRITING) {
                stopping = true; // waits for another thread's write under way, and refuses the next
            }
            action.run();
        }, name);
        HOOKS.add(hook);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException alreadyStopping) {
            HOOKS.remove(hook);
            return null;
        }
    }

    /** Removes a hook of {@link #onInterrupt}, unless the JVM is already stopping (then it runs). */
    public static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            HOOKS.remove(hook);
        } catch (IllegalStateException stoppingAlready) {
            // It runs, or has run.
        }
    }

    /**
     * Deletes {@code folder} and all in it, best effort: what cannot go is named on stderr, never
     * thrown, for this runs while a run stops.
     */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fetchbench: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
