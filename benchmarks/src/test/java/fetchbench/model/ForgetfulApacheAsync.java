package fetchbench.model;

import java.net.URI;
import java.time.Duration;

/**
 * A deliberately broken model for the tests, on Apache's async client: it never cancels a request
 * its shape no longer needs, so a race leaves its losers on the wire until the client closes.
 */
final class ForgetfulApacheAsync extends ApacheAsync {

    ForgetfulApacheAsync(int connections, Duration timeout) {
        super(new ModelSettings(connections, connections, connections, timeout, new InFlight()));
    }

    @Override
    Fetch send(URI url) {
        return new Fetch(() -> { }, super.send(url).outcome()); // the bug: nothing to cancel it with
    }
}
