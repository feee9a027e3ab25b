package fetchbench.model;

import fetchbench.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * This JVM's open TCP connections to a port, from Linux's own tables: what a client really keeps
 * open, whatever the client library says.
 */
final class Sockets {

    private static final String ESTABLISHED = "01";

    private Sockets() {
    }

    /**
     * The local ports of this process's ESTABLISHED connections to {@code port}: compared with a
     * set taken before, they tell the connections opened since from those that were already there.
     */
    static Set<Integer> localPortsTo(int port) {
        Set<String> mine = socketInodes();
        Set<Integer> local = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : lines(Path.of(table))) {
                String[] f = line.strip().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && f[2].contains(":") && !f[0].equals("sl")) {
                    int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                    if (remotePort == port && f[3].equals(ESTABLISHED) && mine.contains(f[9])) {
                        local.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                    }
                }
            }
        }
        return local;
    }

    /**
     * Of this process's ESTABLISHED connections to {@code port}, the local ports of those that have
     * sent a byte, from the kernel's own counters ({@code ss}, iproute2). Over plain HTTP that is a
     * connection that carried a request: a pool's connection opened ahead of demand and never used
     * (Jetty's may open one against a stale count of its queue) has sent nothing.
     */
    static Set<Integer> localPortsThatSentTo(int port) {
        Set<String> mine = socketInodes();
        Set<Integer> local = new HashSet<>();
        // one line per socket: Recv-Q Send-Q local peer, then its tcp_info (bytes_sent only once non-zero)
        for (String line : ss("-tineOH", "state", "established", "( dport = :" + port + " )")) {
            String[] f = line.strip().split("\\s+");
            if (f.length <= 3 || !mine.contains(field(line, "ino:"))) {
                continue;
            }
            if (!line.contains(" rtt:")) {
                // ss read /proc, not the kernel's sock_diag: no counters, so no connection would ever count
                throw new IllegalStateException("ss shows no TCP counters for this process's socket: " + line);
            }
            if (line.contains(" bytes_sent:")) {
                local.add(Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1)));
            }
        }
        return local;
    }

    /** The value after {@code name} up to the next space, or "" when the line has none. */
    private static String field(String line, String name) {
        int at = line.indexOf(" " + name);
        if (at < 0) {
            return "";
        }
        int from = at + 1 + name.length();
        int to = line.indexOf(' ', from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }

    private static List<String> ss(String... args) {
        List<String> command = new ArrayList<>(List.of("ss"));
        command.addAll(List.of(args));
        try {
            Processes.Ran ss = Processes.runReading(command, 10);
            if (ss.exitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", ss.lines()));
            }
            return ss.lines();
        } catch (IOException e) {
            throw new UncheckedIOException("ss (iproute2) is needed to read the kernel's TCP counters", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            return Files.exists(table) ? Files.readAllLines(table) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
