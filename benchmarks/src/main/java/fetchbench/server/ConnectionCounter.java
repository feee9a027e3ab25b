package fetchbench.server;

import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, in the server JVM, the TCP connections clients open, per listening port, whatever the
 * client stack: the same count for OkHttp, the JDK's client and Reactor Netty. On the TLS port
 * each connection is one TLS handshake. A connection whose first bytes are a request to the admin
 * API (the suite's own bookkeeping) is taken off again before that request is answered.
 */
final class ConnectionCounter implements WiremockNetworkTrafficListener {

    private static final byte[][] ADMIN_REQUESTS = {bytes("GET /__admin"), bytes("POST /__admin"),
            bytes("PUT /__admin"), bytes("DELETE /__admin")};

    private final Map<Integer, AtomicLong> byPort = new ConcurrentHashMap<>();
    /** Connections whose first bytes have not been seen yet. */
    private final Set<Socket> unread = ConcurrentHashMap.newKeySet();

    @Override
    public void opened(Socket socket) {
        unread.add(socket);
        byPort.computeIfAbsent(socket.getLocalPort(), port -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
        if (unread.remove(socket) && isAdmin(bytes.duplicate())) {
            byPort.get(socket.getLocalPort()).decrementAndGet();
        }
    }

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {
    }

    @Override
    public void closed(Socket socket) {
        unread.remove(socket);
    }

    /** Connections opened so far, by the server's port. */
    Map<Integer, Long> counts() {
        Map<Integer, Long> counts = new TreeMap<>();
        byPort.forEach((port, count) -> counts.put(port, count.get()));
        return counts;
    }

    private static boolean isAdmin(ByteBuffer first) {
        for (byte[] request : ADMIN_REQUESTS) {
            if (first.remaining() >= request.length && first.slice(first.position(), request.length)
                    .equals(ByteBuffer.wrap(request))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
