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
    }
}
