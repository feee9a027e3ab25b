package fetchbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final URI SERVER = URI.create("http://127.0.0.1:9");

    @Test
    void fixedGivesEveryUrlTheSameDelayAndAUniqueUrl() {
        Workload workload = Workload.create(SERVER, 50, DelayProfile.fixed, 100, 1);

        assertThat(workload.fetches()).hasSize(50);
        assertThat(workload.fetches()).allSatisfy(f -> assertThat(f.delayMs()).isEqualTo(100));
        assertThat(workload.urls()).doesNotHaveDuplicates();
        assertThat(workload.urls().get(7)).hasToString("http://127.0.0.1:9/fetchbench/delay/100?i=7");
        assertThat(workload.fetches().get(7).expectedBody()).isEqualTo(Responses.body(100, 7));
    }

    @Test
    void randomProfilesAreReproducibleFromTheSeed() {
        for (DelayProfile profile : new DelayProfile[] {DelayProfile.uniform, DelayProfile.lognormal}) {
            Workload a = Workload.create(SERVER, 200, profile, 100, 42);
            Workload b = Workload.create(SERVER, 200, profile, 100, 42);
            Workload c = Workload.create(SERVER, 200, profile, 100, 43);

            assertThat(a.fetches()).isEqualTo(b.fetches());
            assertThat(a.fetches()).isNotEqualTo(c.fetches());
        }
    }

    @Test
    void uniformStaysWithinZeroToTwiceTheMeanAndLognormalCentresOnTheMedian() {
        Workload uniform = Workload.create(SERVER, 2000, DelayProfile.uniform, 100, 5);
        assertThat(uniform.fetches()).allSatisfy(f -> assertThat(f.delayMs()).isBetween(0, 200));
        double mean = uniform.fetches().stream().mapToInt(Fetch::delayMs).average().orElseThrow();
        assertThat(mean).isBetween(90.0, 110.0);

        Workload lognormal = Workload.create(SERVER, 2000, DelayProfile.lognormal, 100, 5);
        long belowMedian = lognormal.fetches().stream().filter(f -> f.delayMs() < 100).count();
        assertThat(belowMedian).isBetween(900L, 1100L);
        assertThat(lognormal.longestDelay().toMillis()).isGreaterThan(200);
    }

    @Test
    void aSpreadWidensOrNarrowsTheRandomProfiles() {
        assertThat(Delays.parse("lognormal")).isEqualTo(new Delays(DelayProfile.lognormal, 0.5));
        assertThat(Delays.parse("uniform:0.5").delays(2000, 100, 3)).allSatisfy(d -> assertThat(d).isBetween(50, 150));
        assertThat(Delays.parse("uniform").delays(2000, 100, 3)).anySatisfy(d -> assertThat(d).isLessThan(10));
        long wide = Delays.parse("lognormal:1.5").delays(2000, 100, 3).stream().filter(d -> d > 400).count();
        long narrow = Delays.parse("lognormal:0.2").delays(2000, 100, 3).stream().filter(d -> d > 400).count();
        assertThat(wide).isGreaterThan(100);
        assertThat(narrow).isZero();
        assertThat(Delays.parse("lognormal:0.8").spec()).isEqualTo("lognormal:0.8");
        assertThat(Delays.parse("lognormal:0.5").spec()).isEqualTo("lognormal");
        for (String bad : new String[] {"fixed:0.5", "uniform:1.5", "uniform:0", "lognormal:x", "lognormal:0.5:1"}) {
            assertThatThrownBy(() -> Delays.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsImpossibleWorkloads() {
        assertThatThrownBy(() -> Workload.create(SERVER, 0, DelayProfile.fixed, 100, 1))
                .hasMessageContaining("urls must be >= 1");
        assertThatThrownBy(() -> Workload.create(SERVER, 10, DelayProfile.fixed, -1, 1))
                .hasMessageContaining("delayMs must be >= 0");
        assertThatThrownBy(() -> Delays.parse("normal"))
                .hasMessageContaining("allowed: fixed, uniform, staggered, lognormal");
        assertThatThrownBy(() -> Workload.create(Shape.race, SERVER, 1, DelayProfile.fixed, 100, 1))
                .hasMessage("urls must be >= 2 for race, got 1");
        assertThatThrownBy(() -> Workload.create(Shape.failures, SERVER, 6, DelayProfile.fixed, 100, 1))
                .hasMessage("urls must be >= 7 for failures, got 6");
        assertThatThrownBy(() -> Workload.of(java.util.List.of())).hasMessageContaining("at least one URL");
        assertThat(Workload.create(Shape.race, SERVER, 2, DelayProfile.fixed, 0, 1).fetches()).hasSize(2);
    }

    /** The uptime check's refused URL goes to a port of its own, and the server counts every other URL once. */
    @Test
    void theServerMustCountEveryReachableUrlOfTheUptimeCheckAndTheJdkClientsResendsAtMost() {
        Workload failures = Workload.create(Shape.failures, SERVER, 7, DelayProfile.fixed, 50, 1);
        assertThat(failures.shape()).isEqualTo(Shape.failures);
        assertThat(failures.urls().get(1).getPort()).isNotIn(9, -1);
        assertThat(failures.urls().get(0).getPort()).isEqualTo(9);

        // 7 URLs, one refused: 6 reach the server; a reset and an empty answer may be sent twice.
        assertThat(failures.verifyRequests("okHttpAsync", 6, false)).isEqualTo(6);
        assertThatThrownBy(() -> failures.verifyRequests("okHttpAsync", 5, false))
                .hasMessageContaining("the server answered 5 requests, expected 6");
        assertThatThrownBy(() -> failures.verifyRequests("okHttpAsync", 7, false))
                .hasMessageContaining("the server answered 7 requests, expected 6");
        assertThat(failures.verifyRequests("httpClientAsync", 8, true)).isEqualTo(8);
        assertThatThrownBy(() -> failures.verifyRequests("httpClientAsync", 9, true))
                .hasMessageContaining("expected 6 to 8");
        assertThat(failures.verifyRequests("httpClientAsync", 3 * 8, 3, true)).isEqualTo(24);
        assertThatThrownBy(() -> failures.verifyRequests("okHttpAsync", 17, 3, false))
                .hasMessageContaining("expected 18");
    }
}
