package fetchbench.server;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fetchbench.workload.Responses;

/**
 * Writes the index of the URL asked for into the stub's body, in place of
 * {@link Responses#ECHOED_INDEX}: the same body WireMock's Handlebars templating makes, for less
 * server CPU per request (measured side by side by {@link fetchbench.probe.EchoCost}).
 */
public final class IndexEcho implements ResponseTransformerV2 {

    /** The name a stub lists among its transformers. */
    public static final String NAME = "fetchbench-index-echo";

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the stubs that ask for it: the fault stubs and the admin API have no index. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        QueryParameter index = serveEvent.getRequest().queryParameter(Responses.INDEX_PARAMETER);
        String value = index.isPresent() ? index.firstValue() : "";
        return Response.Builder.like(response)
                .body(response.getBodyAsString().replace(Responses.ECHOED_INDEX, value))
                .build();
    }
}
