package fetchbench.model;

import java.net.URI;
import java.time.Duration;

/**
 * A deliberately broken model for the tests, on Jetty's HttpClient: it never aborts a request its
 * shape no longer needs, so a race leaves its losers on the wire until the client stops.
 */
final class ForgetfulJettyAsync extends JettyAsync {

    ForgetfulJettyAsync(int connections, Duration timeout) {
        super(new ModelSettings(connections, 0, connections, timeout, new InFlight()));
    }

    @Override
    Fetch send(URI url) {
        return new Fetch(() -> { }, super.send(url).outcome()); // the bug: nothing to abort it with
    }
}
