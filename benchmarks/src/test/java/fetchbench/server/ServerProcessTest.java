package fetchbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.Processes;
import fetchbench.model.InFlight;
import fetchbench.catalog.Model;
import fetchbench.model.ModelSettings;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Workload;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The WireMock JVM: serves the stubs, and never outlives whoever started it. */
@Tag("integration")
class ServerProcessTest {

    @Test
    void servesTheWorkloadAndStopsOnClose() throws Exception {
        ServerProcess server = ServerProcess.start(ServerSettings.forLargestN(20));
        long pid = server.handle().pid();
        int port = server.baseUri().getPort();
        try {
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            Workload workload = Workload.create(server.baseUri(), 20, DelayProfile.lognormal, 30, 3);
            Stubs.register(server.baseUri(), workload);
            Stubs.register(server.baseUri(), workload); // registering again is harmless
            try (var fetcher = Model.virtualThreads.create(
                    new ModelSettings(0, 0, 20, Duration.ofSeconds(1), new InFlight()))) {
                workload.verify("virtualThreads", fetcher.gather(workload.urls()));
            }
        } finally {
            server.close();
        }
        assertThat(Processes.awaitGone(pid, 10)).as("server process %d gone", pid).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void exitsByItselfWhenItsParentIsKilled() throws Exception {
        try (Processes.Jvm parent = Processes.start(ServerParent.class, List.of(), List.of())) {
            killParentAndCheckServerExits(parent);
        }
    }

    private static void killParentAndCheckServerExits(Processes.Jvm parent) throws Exception {
        String line = parent.awaitLine(l -> l.startsWith("server pid="), 60);
        long serverPid = Long.parseLong(line.substring("server pid=".length()));
        assertThat(ProcessHandle.of(serverPid)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());

        parent.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent

        assertThat(Processes.awaitGone(serverPid, 20))
                .as("server %d exits once its parent is gone", serverPid).isTrue();
    }
}
