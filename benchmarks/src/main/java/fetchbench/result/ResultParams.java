package fetchbench.result;

import fetchbench.catalog.Limits;
import fetchbench.catalog.Model;
import fetchbench.model.ConnectionPoolSize;
import fetchbench.model.Protocol;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JMH parameters of one model's result, typed: jmh.json keeps them as strings, and every
 * reader decodes them here, once. Absent ones take the value runs wrote before they existed.
 *
 * @param callers M of the callers benchmark, 0 elsewhere
 * @param rate    arrivals a second of the load benchmark, 0 elsewhere
 */
public record ResultParams(Model model, int urls, int delayMs, int concurrency, int maxRequests, Delays delays,
                           long seed, ConnectionPoolSize connectionPool, Protocol protocol, int callers, int rate) {

    /** The parameters of a result as jmh.json records them. */
    public static ResultParams decode(Map<String, String> params) {
        DelayProfile profile = DelayProfile.valueOf(params.getOrDefault(Param.DELAY_PROFILE.key,
                DelayProfile.fixed.name()));
        return new ResultParams(Model.valueOf(params.get(Param.MODEL.key)),
                Integer.parseInt(params.get(Param.URLS.key)),
                Integer.parseInt(params.get(Param.DELAY_MS.key)),
                integer(params, Param.CONCURRENCY),
                integer(params, Param.MAX_REQUESTS),
                Delays.of(profile, Double.parseDouble(params.getOrDefault(Param.SPREAD, "0"))),
                Long.parseLong(params.getOrDefault(Param.SEED.key, "0")),
                ConnectionPoolSize.valueOf(params.getOrDefault(Param.CONNECTION_POOL.key,
                        ConnectionPoolSize.sized.name())),
                Protocol.valueOf(params.getOrDefault(Param.PROTOCOL.key, Protocol.http1.name())),
                integer(params, Param.CALLERS),
                integer(params, Param.RATE));
    }

    /** The inverse of {@link #decode}: the parameters as JMH takes and records them. */
    public Map<String, String> encode() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(Param.MODEL.key, model.name());
        params.put(Param.URLS.key, String.valueOf(urls));
        params.put(Param.DELAY_MS.key, String.valueOf(delayMs));
        params.put(Param.CONCURRENCY.key, String.valueOf(concurrency));
        params.put(Param.MAX_REQUESTS.key, String.valueOf(maxRequests));
        params.put(Param.DELAY_PROFILE.key, delays.profile().name());
        params.put(Param.SPREAD, String.valueOf(delays.spreadParam()));
        params.put(Param.SEED.key, String.valueOf(seed));
        params.put(Param.CONNECTION_POOL.key, connectionPool.name());
        params.put(Param.PROTOCOL.key, protocol.name());
        if (callers > 0) {
            params.put(Param.CALLERS.key, String.valueOf(callers));
        }
        if (rate > 0) {
            params.put(Param.RATE.key, String.valueOf(rate));
        }
        return params;
    }

    /** What bounds the model's requests in flight in this result. */
    public Limits limits() {
        return new Limits(model, concurrency, maxRequests);
    }

    private static int integer(Map<String, String> params, Param param) {
        return Integer.parseInt(params.getOrDefault(param.key, "0"));
    }
}
