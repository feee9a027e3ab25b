package fetchbench.server;

/** A stand-in for the launcher: starts a server, prints its pid, then waits to be killed. */
public final class ServerParent {

    public static void main(String[] args) throws Exception {
        ServerProcess server = ServerProcess.start(ServerSettings.forLargestN(10));
        System.out.println("server pid=" + server.handle().pid());
        Thread.sleep(Long.MAX_VALUE);
    }
}
