package fetchbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import fetchbench.FetchBench;
import fetchbench.Processes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** The OS limits that N concurrent connections run into, on simulated machines. */
@Tag("integration")
class SystemLimitsTest {

    @TempDir
    Path folder;

    /** A launcher whose open-file limit is 1024 (hard, so the JVM cannot raise it) refuses N=1000 before it starts anything. */
    @Test
    void aRunAboveTheOpenFileLimitIsRefusedInOneLineWithExitTwoAndNothingWritten() throws Exception {
        Path results = folder.resolve("results");
        try (Processes.Jvm jvm = Processes.startUnder(List.of("prlimit", "--nofile=1024:1024"), FetchBench.class,
                List.of("-Dfetchbench.results=" + results), List.of("-p", "model=virtualThreads", "-p", "urls=1000"))) {

            assertThat(jvm.awaitExit(60)).isEqualTo(FetchBench.EXIT_BAD_OPTION);
            assertThat(jvm.all()).containsExactly("fetchbench: N=1000 needs about 1512 open files per process, but the "
                    + "limit here is 1024; raise it (e.g. `ulimit -n 65536` in the shell, or nofile in "
                    + "/etc/security/limits.conf) and run again, or put the server on a second machine");
        }
        assertThat(results).doesNotExist();
    }

    @Test
    void refusesANAboveTheOpenFileLimitSayingWhatToChange() {
        SystemLimits low = new SystemLimits(1024, 28_000, 4096);

        assertThat(low.refuse(100)).isEmpty();
        assertThat(low.refuse(10_000)).hasValueSatisfying(message -> assertThat(message)
                .isEqualTo("N=10000 needs about 10512 open files per process, but the limit here is 1024; raise it "
                        + "(e.g. `ulimit -n 65536` in the shell, or nofile in /etc/security/limits.conf) and run "
                        + "again, or put the server on a second machine"));
    }

    @Test
    void refusesANAboveTheLocalPortRange() {
        SystemLimits fewPorts = new SystemLimits(1_000_000, 5_000, 4096);

        assertThat(fewPorts.refuse(4_000)).isEmpty();
        assertThat(fewPorts.refuse(10_000)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("N=10000 needs about 10512 local ports, but net.ipv4.ip_local_port_range leaves 5000"));
    }

    @Test
    void aSmallAcceptQueueCapIsAWarningNotARefusal() {
        SystemLimits smallQueue = new SystemLimits(1_000_000, 60_000, 128);

        assertThat(smallQueue.refuse(1000)).isEmpty();
        assertThat(smallQueue.warnings(1000)).singleElement().asString().contains("net.core.somaxconn");
        assertThat(smallQueue.warnings(100)).isEmpty();
    }

    /** What it reads is what the JVM and the kernel say, each asked its own way. */
    @Test
    void readsThisMachine() throws Exception {
        long jvmsOwnLimit = ((com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        String sysctl = java.util.stream.Stream.of("/usr/sbin/sysctl", "/sbin/sysctl")
                .filter(path -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(path))).findFirst().orElse("sysctl");
        String[] range = new String(new ProcessBuilder(sysctl, "-n", "net.ipv4.ip_local_port_range").start()
                .getInputStream().readAllBytes()).strip().split("\\s+");
        String somaxconn = new String(new ProcessBuilder(sysctl, "-n", "net.core.somaxconn").start()
                .getInputStream().readAllBytes()).strip();
        assertThat(SystemLimits.ofThisMachine()).hasValueSatisfying(limits -> {
            assertThat(limits.openFiles()).isEqualTo(jvmsOwnLimit);
            assertThat(limits.localPorts()).isEqualTo(Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1);
            assertThat(limits.somaxconn()).isEqualTo(Long.parseLong(somaxconn));
        });
    }
}
