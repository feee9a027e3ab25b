package fetchbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fetchbench.server.ServerProcess;
import fetchbench.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** -Dfetchbench.taskset=SERVER:FORKS: what it accepts, and that the server and the forks really run on those CPUs. */
class TasksetTest {

    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    @Test
    void takesTwoDisjointCpuListsOfThisMachine() throws Exception {
        Taskset one = Taskset.parse("0:1", FOUR);
        assertThat(one.serverCpus()).containsExactly(0);
        assertThat(one.forkCpus()).containsExactly(1);
        assertThat(one.describe()).isEqualTo("the server on CPU 0, the forks on CPU 1");
        Taskset lists = Taskset.parse("0,3,1:2", FOUR);
        assertThat(lists.serverCpus()).containsExactly(0, 1, 3);
        assertThat(lists.spec()).isEqualTo("0-1,3:2");
        assertThat(lists.serverPrefix()).containsExactly("taskset", "-c", "0-1,3");
        for (String bad : List.of("0", "0:0", "0-1:1", "0:4", "a:1", "1-0:2", ":1", "0:1:2", "0:")) {
            assertThatThrownBy(() -> Taskset.parse(bad, FOUR)).as(bad).isInstanceOf(OptionException.class)
                    .hasMessage("bad value '" + bad + "' for fetchbench.taskset; allowed: SERVER:FORKS, two CPU "
                            + "lists with no CPU in both, of this machine's CPUs 0-3, e.g. 0:1");
        }
    }

    @Test
    void pinsOnlyTheLocalServer() {
        Properties properties = new Properties();
        properties.setProperty("fetchbench.taskset", "0:1");
        properties.setProperty("fetchbench.target", "http://127.0.0.1:9");
        assumeTrue(Taskset.usableCpus().containsAll(List.of(0, 1)) && Taskset.installed(), "needs CPUs 0 and 1, and taskset");
        assertThatThrownBy(() -> RunOptions.parse(new String[0], properties)).isInstanceOf(OptionException.class)
                .hasMessage("fetchbench.taskset pins the local server, and fetchbench.target means there is none: "
                        + "give one of them");
    }

    @Test
    void theForksAndTheServerRunOnTheirOwnCpus() throws Exception {
        List<Integer> usable = Taskset.usableCpus();
        assumeTrue(usable.size() >= 2 && Taskset.installed(), "needs 2 CPUs and taskset");
        Taskset taskset = new Taskset(List.of(usable.get(0)), List.of(usable.get(usable.size() - 1)));

        // A fork started the way JMH starts it with the launcher: it sees one processor, the forks' own.
        Path launcher = taskset.forkLauncher(Path.of(System.getProperty("java.home"), "bin", "java"));
        Process fork = new ProcessBuilder(launcher.toString(), "-cp", System.getProperty("java.class.path"),
                Affinity.class.getName()).redirectErrorStream(true).start();
        assertThat(fork.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(fork.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("1 " + usable.get(usable.size() - 1));

        // The run plans with, and records, what such a fork sees, not what the launcher sees.
        assertThat(taskset.forkMachine().cores()).isEqualTo(1);

        ServerProcess server = ServerProcess.start(ServerSettings.forLargestN(10), taskset.serverPrefix());
        try {
            assertThat(allowedCpus(server.handle().pid())).isEqualTo(String.valueOf(usable.get(0)));
        } finally {
            server.close();
        }
    }

    private static String allowedCpus(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElseThrow();
    }

    /** Prints the processors this JVM sees and the CPUs it may run on. */
    static final class Affinity {
        public static void main(String[] args) throws IOException {
            System.out.println(Runtime.getRuntime().availableProcessors() + " " + allowedCpus(ProcessHandle.current().pid()));
        }
    }
}
