package fetchbench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operating-system limits that N concurrent connections run into: open files (a socket each,
 * in the client and in the server process), local ports (one per client connection) and the
 * kernel's cap on accept queues. Read from /proc; where they cannot be read nothing is checked.
 *
 * @param openFiles  this process's open-file limit; the JVM has already raised its soft limit to
 *                   the hard one (HotSpot's MaxFDLimit), and the forks and server inherit it
 * @param localPorts how many ports ip_local_port_range leaves for outgoing connections
 * @param somaxconn  the kernel's cap on a listening socket's accept queue
 */
public record SystemLimits(long openFiles, long localPorts, long somaxconn) {

    /** Files a JVM opens besides sockets: jars, logs, pipes, JMH's own. */
    static final int FILE_MARGIN = 512;

    public static Optional<SystemLimits> ofThisMachine() {
        try {
            long openFiles = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    openFiles = Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
                }
            }
            String[] range = firstLine("/proc/sys/net/ipv4/ip_local_port_range").split("\\s+");
            long ports = Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
            long somaxconn = Long.parseLong(firstLine("/proc/sys/net/core/somaxconn"));
            return Optional.of(new SystemLimits(openFiles, ports, somaxconn));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Line by line: /proc files report a size of 0, which trips Files.readString. */
    private static String firstLine(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).get(0).strip();
    }

    /** A one-line reason why N concurrent connections cannot work here, if there is one. */
    public Optional<String> refuse(int n) {
        long files = (long) n + FILE_MARGIN;
        if (openFiles >= 0 && openFiles < files) {
            return Optional.of("N=" + n + " needs about " + files + " open files per process, but the limit here is "
                    + openFiles + "; raise it (e.g. `ulimit -n " + Math.max(files * 2, 65536) + "` in the shell, or "
                    + "nofile in /etc/security/limits.conf) and run again, or put the server on a second machine");
        }
        if (localPorts < n + FILE_MARGIN) {
            return Optional.of("N=" + n + " needs about " + (n + FILE_MARGIN) + " local ports, but "
                    + "net.ipv4.ip_local_port_range leaves " + localPorts + "; widen it (sysctl "
                    + "net.ipv4.ip_local_port_range=\"1024 65535\") and run again");
        }
        return Optional.empty();
    }

    /** Limits that do not stop a run but shape it, for the console. */
    public List<String> warnings(int n) {
        List<String> warnings = new ArrayList<>();
        if (somaxconn < n) {
            warnings.add("the kernel caps accept queues at " + somaxconn + " (net.core.somaxconn) below N=" + n
                    + ": the first connections of a batch may be retried; raise it with sysctl to avoid that");
        }
        return warnings;
    }
}
