package fetchbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fetchbench.analysis.Comparison;
import fetchbench.analysis.MergedLatency;
import fetchbench.analysis.Row;
import fetchbench.analysis.Steadiness;
import fetchbench.analysis.Verdict;
import fetchbench.bench.WarmUp;
import fetchbench.catalog.Model;
import fetchbench.catalog.Variant;
import fetchbench.model.ClientStack;
import fetchbench.model.Protocol;
import fetchbench.probe.ServerCheck;
import fetchbench.probe.ServerWarmUp;
import fetchbench.result.Benchmarks;
import fetchbench.result.PoolGrowth;
import fetchbench.run.Profile;
import fetchbench.run.Step;
import fetchbench.run.Sweep;
import fetchbench.run.UnderLoad;
import fetchbench.server.ServerSettings;
import fetchbench.server.SystemLimits;
import fetchbench.stats.Judgement;
import fetchbench.stats.Margin;
import fetchbench.theory.LoadPrediction;
import fetchbench.workload.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The numbers docs/ quotes about the code (warm-ups, forks and batches, sweeps, model counts, the
 * margin, the load's bound) are the code's own. Each check finds the sentence by a regex and holds
 * its number against the constant, so changing either alone fails here: change the other too.
 * Numbers docs/ quotes from committed runs are DigestTest's.
 */
class DocsMatchCodeTest {

    private static final Path DOCS = Path.of("../docs");
    /** Small counts read better as words in prose. */
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("twice", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11));

    @Test
    void tuneSweepsEveryModelWithASettingAndSaysSo() {
        List<String> swept = Sweep.MODELS.stream().map(Model::name).toList();
        List<String> row = groups("tuning", "\\| `--models LIST` \\| ([^|]+) \\| all (\\w+) \\|");
        assertThat(matches(row.get(0), "`(\\w+)`")).as("docs/tuning.md, --models: the models tune.sh sweeps")
                .containsExactlyInAnyOrderElementsOf(swept);
        assertThat(number(row.get(1))).as("docs/tuning.md, --models default: how many models tune.sh sweeps")
                .isEqualTo(swept.size());
        String perModel = groups("tuning", "What is swept, per model: (.+?) Bad input").get(0);
        assertThat(matches(perModel, "\\*\\*([A-Za-z]+)\\*\\*")).as("docs/tuning.md, 'What is swept, per model'")
                .containsExactlyInAnyOrderElementsOf(swept);
    }

    @Test
    void tuneRangesAndTheFullProfilesSweepAreTheCodes() {
        assertThat(number(groups("tuning", "with `--rate` `1\\.\\.(\\d+)N`").get(0)))
                .as("docs/tuning.md, --range default with --rate").isEqualTo(Tune.LOAD_RANGE_FACTOR);
        assertThat(number(groups("load", "the range reaches (\\d+)·N").get(0)))
                .as("docs/load.md, 'Tuning for a rate': the range with --rate").isEqualTo(Tune.LOAD_RANGE_FACTOR);
        assertThat(number(groups("tuning", "\\(ρ = R·N·d/k over (\\d+)\\)").get(0)))
                .as("docs/tuning.md, the settings left out under load").isEqualTo(UnderLoad.MOST_UTILISATION);

        List<String> full = groups("tuning", "the full profile sweeps every model above \\(N = (\\d+), (\\d+) ms, "
                + "(\\d+)\\.\\.(\\d+), (\\d+) forks of (\\d+) measured batches per setting and no JMH warm-up batch\\)");
        Profile profile = Profile.FULL;
        String where = "docs/tuning.md, the full profile's sweep";
        assertThat(numbers(full)).as(where).isEqualTo(doubles(profile.sweepUrls(), profile.sweepDelayMs(),
                profile.sweep().min(), profile.sweep().max(), profile.forks(), profile.measurementIterations()));
        assertThat(profile.warmupIterations()).as(where + ": no JMH warm-up batch").isZero();
        assertThat(profile.sweepModels()).as(where + ": every model above").isEqualTo(Sweep.MODELS);
    }

    @Test
    void everyComparisonIsJudgedWithTheMarginTheDocsQuote() {
        Map<String, String> margins = Map.of(
                "trusting-the-numbers", "the margin m being (\\d+) %",
                "tuning", "within ±(\\d+) %",
                "glossary", "within the margin \\((\\d+) % unless set\\)",
                "charts-and-comparing", "The margin m is (\\d+) % unless `FETCHBENCH_MARGIN`",
                "protocols", "\\*equivalent\\* within (\\d+) %",
                "options", "the equivalence margin of every comparison: `[\\d.]+`, or `(\\d+)%`, by default");
        margins.forEach((doc, regex) -> all(doc, regex).forEach(quoted -> assertThat(percent(quoted.get(0)))
                .as("docs/%s.md: the equivalence margin", doc).isEqualTo(Margin.DEFAULT)));
        assertThat(number(groups("options", "every comparison: `([\\d.]+)`, or").get(0)))
                .as("docs/options.md, -Dfetchbench.margin default").isEqualTo(Margin.DEFAULT);

        // The bounds are package-private: what parse accepts tells them, to the last double.
        List<String> trusting = groups("trusting-the-numbers", "sets another, from ([\\d.]+) % to ([\\d.]+) %\\)");
        acceptsExactly(percent(trusting.get(0)), percent(trusting.get(1)), "docs/trusting-the-numbers.md");
        List<String> options = groups("options", "by default; from ([\\d.]+) to ([\\d.]+);");
        acceptsExactly(number(options.get(0)), number(options.get(1)), "docs/options.md");

        assertThat(number(groups("trusting-the-numbers", "\\(family-wise α = ([\\d.]+)\\)").get(0)))
                .as("docs/trusting-the-numbers.md: Holm's family-wise α").isEqualTo(Judgement.ALPHA);
        for (String doc : List.of("trusting-the-numbers", "charts-and-comparing")) {
            assertThat(percent(groups(doc, "at most max\\(1, (\\d+) %\\)").get(0)))
                    .as("docs/%s.md: the A/A check's share called different", doc)
                    .isEqualTo(Comparison.AaCheck.MOST_DIFFERENT_SHARE);
        }
    }

    @Test
    void optionsQuoteTheModelsAndTheProfilesDefaults() {
        List<String> models = Arrays.stream(Model.values()).map(Model::name).toList();
        List<String> row = groups("options", "\\| `model` \\| ([^|]+) \\| all (\\w+) \\(");
        assertThat(matches(row.get(0), "`(\\w+)`")).as("docs/options.md, model: every model")
                .containsExactlyInAnyOrderElementsOf(models);
        assertThat(number(row.get(1))).as("docs/options.md, model default: how many models").isEqualTo(models.size());
        assertThat(number(groups("options", "runs the other (\\w+) models").get(0)))
                .as("docs/options.md, Requirements: the models without structured").isEqualTo(models.size() - 1);

        List<String> urls = groups("options", "\\| `urls` \\| [^|]+ \\| `([\\d,]+)` \\(smoke: `([\\d,]+)`\\) \\|");
        assertThat(integers(urls.get(0))).as("docs/options.md, urls default").isEqualTo(Profile.DEFAULT.urls());
        assertThat(integers(urls.get(1))).as("docs/options.md, urls in the smoke run").isEqualTo(Profile.SMOKE.urls());
        List<String> delay = groups("options", "\\| `delayMs` \\| [^|]+ \\| `(\\d+)` \\(smoke: `(\\d+)`\\) \\|");
        assertThat(numbers(delay)).as("docs/options.md, delayMs defaults")
                .isEqualTo(doubles(Profile.DEFAULT.delayMs(), Profile.SMOKE.delayMs()));
        List<String> pools = groups("options", "\\| threadPool `(\\d+)`; completableFuture `0` and `(\\d+)`;");
        assertThat(numbers(pools)).as("docs/options.md, concurrency defaults")
                .containsOnly((double) Variant.POOL_SIZE);
        List<String> callers = groups("options", "\\| `callers` \\| [^|]+ \\| `([\\d,]+)` \\(smoke: `([\\d,]+)`\\)");
        assertThat(integers(callers.get(0))).as("docs/options.md, callers default").isEqualTo(Profile.DEFAULT.callers());
        assertThat(integers(callers.get(1))).as("docs/options.md, callers in the smoke run")
                .isEqualTo(Profile.SMOKE.callers());
        List<String> rates = groups("options", "\\| `rate` \\| [^|]+ \\| `([\\d,]+)` up to (\\w+) what each model's "
                + "limit lets through \\(smoke: `([\\d,]+)`; full: `(\\d+)` to `(\\d+)`\\)");
        List<Integer> full = Profile.FULL.rates();
        assertThat(integers(rates.get(0))).as("docs/options.md, rate default").isEqualTo(Profile.DEFAULT.rates());
        assertThat(number(rates.get(1))).as("docs/options.md, rate: up to what utilisation")
                .isEqualTo(UnderLoad.MOST_UTILISATION);
        assertThat(integers(rates.get(2))).as("docs/options.md, rate in the smoke run").isEqualTo(Profile.SMOKE.rates());
        assertThat(numbers(rates.subList(3, 5))).as("docs/options.md, rate in the full profile")
                .isEqualTo(doubles(full.get(0), full.get(full.size() - 1)));
        List<String> protocols = groups("options", "the protocols profile runs all (\\w+) for one setting per client "
                + "stack at N = (\\d+)");
        assertThat(number(protocols.get(0))).as("docs/options.md, protocol: how many").isEqualTo(Protocol.values().length);
        assertThat(List.of((int) number(protocols.get(1)))).as("docs/options.md, protocol: the protocols profile's N")
                .isEqualTo(Profile.PROTOCOLS.protocolUrls());
    }

    @Test
    void forksBatchesAndBudgetsAreEachProfiles() {
        String doc = "trusting-the-numbers";
        List<String> forks = groups(doc, "Every result rests on (\\d+) forks, and a \\*headline\\* result — a \"Which "
                + "model\\?\" cell at N = (\\d+) or (\\d+) with every request in flight — on (\\d+) \\(`-f`");
        assertThat(numbers(forks)).as("docs/trusting-the-numbers.md, Samples per result: forks")
                .isEqualTo(doubles(Profile.DEFAULT.forks(), Profile.HEADLINE_URLS.get(0),
                        Profile.HEADLINE_URLS.get(1), Profile.DEFAULT.headlineForks()));
        assertThat(Profile.HEADLINE_URLS).as("docs/trusting-the-numbers.md quotes two headline N").hasSize(2);
        List<String> batches = groups(doc, "In the default profile each fork runs its own warm-up \\(below\\), then "
                + "(\\w+) JMH warm-up batch, then measures (\\d+):");
        assertThat(numbers(batches)).as("docs/trusting-the-numbers.md, Samples per result: the default's batches")
                .isEqualTo(doubles(Profile.DEFAULT.warmupIterations(), Profile.DEFAULT.measurementIterations()));
        List<String> others = groups(doc, "The ([a-z, ]+) profiles measure (\\d+) with no JMH warm-up batch, as their "
                + "reference runs did, and the smoke run (\\d+);");
        for (String name : others.get(0).split(", | and ")) {
            Profile profile = Profile.valueOf(name.toUpperCase(Locale.ROOT));
            assertThat(List.of(profile.warmupIterations(), profile.measurementIterations()))
                    .as("docs/trusting-the-numbers.md, Samples per result: the %s profile's batches", name)
                    .containsExactly(0, (int) number(others.get(1)));
        }
        assertThat(List.of(Profile.SMOKE.warmupIterations(), Profile.SMOKE.measurementIterations()))
                .as("docs/trusting-the-numbers.md, Samples per result: the smoke run's batches")
                .containsExactly(0, (int) number(others.get(2)));
        assertThat(number(groups(doc, "Batches over ([\\d.]+) s are left to the full profile").get(0)))
                .as("docs/trusting-the-numbers.md: the default's batch budget")
                .isEqualTo(Profile.DEFAULT.batchBudgetMs() / 1000.0);

        List<String> floor = groups(doc, "with (\\w+) a result's measured batches per fork \\((\\d+) in the default "
                + "profile\\)");
        int measured = Profile.DEFAULT.measurementIterations();
        int floorBatches = new Step.Floor(List.of(100), List.of(ClientStack.okHttp)).batches().measurement(measured);
        assertThat(List.of(number(floor.get(0)) * measured, number(floor.get(1))))
                .as("docs/trusting-the-numbers.md, The floor: its measured batches").containsOnly((double) floorBatches);

        List<String> scale = groups(doc, "the slow batches it leaves out \\(up to (\\d+) s\\), every model's sweep, "
                + "and the scale test: .+? at \\*\\*N = ([\\d ]+) with a (\\d+) s delay\\*\\*");
        assertThat(numbers(scale)).as("docs/trusting-the-numbers.md, Scale: the full profile")
                .isEqualTo(doubles(Profile.FULL.batchBudgetMs() / 1000.0, Profile.SCALE_URLS,
                        Profile.SCALE_DELAY_MS / 1000.0));

        assertThat(numbers(groups("options", "replaces the profile's (\\d+) forks per result and (\\d+) per headline "
                + "result"))).as("docs/options.md, -Dfetchbench.args: the forks")
                .isEqualTo(doubles(Profile.DEFAULT.forks(), Profile.DEFAULT.headlineForks()));
        assertThat(numbers(groups("options", "take over ([\\d.]+) s \\((\\d+) s in the full profile;")))
                .as("docs/options.md: the batch budgets")
                .containsExactly(Profile.DEFAULT.batchBudgetMs() / 1000.0, Profile.FULL.batchBudgetMs() / 1000.0);

        assertThat(numbers(groups("tests", "The default run: (\\d+) forks per headline cell, (\\d+) for every other "
                + "result"))).as("docs/tests.md, (f): the default's forks")
                .isEqualTo(doubles(Profile.DEFAULT.headlineForks(), Profile.DEFAULT.forks()));

        List<String> reference = groups("reference-run", "the gather of every model at N = ([\\d, and]+?) with a "
                + "(\\d+) ms delay, (\\d+) forks per result and (\\d+) per headline cell");
        assertThat(integers(reference.get(0))).as("docs/reference-run.md: the default's N")
                .isEqualTo(Profile.DEFAULT.urls());
        assertThat(numbers(reference.subList(1, 4))).as("docs/reference-run.md: the default's delay and forks")
                .isEqualTo(doubles(Profile.DEFAULT.delayMs(), Profile.DEFAULT.forks(),
                        Profile.DEFAULT.headlineForks()));
    }

    @Test
    void aForksWarmUpAndSteadinessAreWhatTheDocsSay() {
        String doc = "trusting-the-numbers";
        String where = "docs/trusting-the-numbers.md, Steady state before measuring";
        assertThat(number(groups(doc, "\\*\\*([\\d,]+) undelayed requests\\*\\*").get(0)))
                .as(where + ": the JIT's requests").isEqualTo(WarmUp.JIT_REQUESTS);
        assertThat(number(groups(doc, "falls short of that width, at most (\\d+) times").get(0)))
                .as(where + ": the widest batch's tries").isEqualTo(WarmUp.WIDEST_TRIES);
        List<String> window = groups(doc, "until the last (\\d+) \\*blocks\\* \\(or (\\d+) that take (\\d+) s\\) are "
                + "steady — a block being one batch, or as many as take (\\d+) ms");
        assertThat(numbers(window)).as(where + ": the window and its blocks")
                .isEqualTo(doubles(WarmUp.WINDOW, WarmUp.SHORT_WINDOW, WarmUp.WINDOW_SPAN.toSeconds(),
                        WarmUp.BLOCK.toMillis()));
        for (String regex : List.of("ran forks to the (\\d+) s cap", "The warm-up stops at (\\d+) s")) {
            assertThat(number(groups(doc, regex).get(0))).as(where + ": the warm-up's limit")
                    .isEqualTo(WarmUp.LIMIT.toSeconds());
        }
        List<String> growth = groups(doc, "for at most (\\d+) % of their requests, and (\\w+) threads whatever N");
        assertThat(numbers(growth)).as(where + ": what the measured batches may open")
                .isEqualTo(doubles(PoolGrowth.GROWTH_PERCENT, PoolGrowth.MAX_THREAD_DRIFT));
        assertThat(number(groups("tests", "reaches its width, at most (\\d+) times").get(0)))
                .as("docs/tests.md, (f): the widest batch's tries").isEqualTo(WarmUp.WIDEST_TRIES);
        List<String> perRequests = groups("tests", "thread for (\\d+) in (\\d+) requests, and (\\w+) threads whatever N");
        assertThat(List.of(100 * number(perRequests.get(0)) / number(perRequests.get(1)), number(perRequests.get(2))))
                .as("docs/tests.md, (f): what the measured batches may open")
                .isEqualTo(doubles(PoolGrowth.GROWTH_PERCENT, PoolGrowth.MAX_THREAD_DRIFT));

        where = "docs/trusting-the-numbers.md, Steady while measuring";
        for (String regex : List.of("Holm's correction across the run, α = ([\\d.]+)\\)",
                "count is chance \\(p < ([\\d.]+) gives a warning")) {
            assertThat(number(groups(doc, regex).get(0))).as(where + ": the drift tests' α")
                    .isEqualTo(Steadiness.DRIFT_ALPHA);
        }
        assertThat(number(groups(doc, "a 95 % interval of ±(\\d+) % or better").get(0)))
                .as(where + ": a precise result").isEqualTo(Steadiness.PRECISE_PERCENT);
    }

    @Test
    void theServerIsProvisionedWarmedAndCheckedAsTheDocsSay() {
        String doc = "trusting-the-numbers";
        List<String> settings = groups(doc, "a delay holds a timer, not a thread; (\\d+) response threads\\), container "
                + "threads are N \\+ (\\d+) and the accept queue max\\(N, (\\d+)\\)");
        String where = "docs/trusting-the-numbers.md, the server's provisioning";
        int n = 1000;
        assertThat(ServerSettings.forLargestN(n).asyncThreads()).as(where).isEqualTo((int) number(settings.get(0)));
        assertThat(ServerSettings.forLargestN(n).containerThreads()).as(where)
                .isEqualTo(n + (int) number(settings.get(1)));
        assertThat(ServerSettings.forLargestN(1).acceptQueue()).as(where).isEqualTo((int) number(settings.get(2)));
        assertThat(ServerSettings.forLargestN(100_000).acceptQueue()).as(where).isEqualTo(100_000);

        where = "docs/trusting-the-numbers.md, A warm server first";
        assertThat(number(groups(doc, "until at least ([\\d,]+) requests are answered").get(0))).as(where)
                .isEqualTo(ServerWarmUp.MIN_REQUESTS);
        assertThat(number(groups(doc, "Mann–Kendall trend, or (\\d+) s have passed").get(0))).as(where)
                .isEqualTo(ServerWarmUp.LIMIT.toSeconds());

        where = "docs/trusting-the-numbers.md, The server check";
        List<String> rounds = groups(doc, "(\\d+) warm-up rounds, then (\\d+) rounds at (\\d+) ms \\(the floor f\\) "
                + "and (\\d+) at the delay d");
        assertThat(numbers(rounds)).as(where).isEqualTo(doubles(ServerCheck.WARM_UP_ROUNDS,
                ServerCheck.MEASURED_ROUNDS, ServerCheck.FLOOR_DELAY_MS, ServerCheck.MEASURED_ROUNDS));
        double times = number(groups(doc, "the check requires at most \\*\\*d \\+ (\\d+)f\\*\\*").get(0));
        assertThat(new ServerCheck.Result(100, 20, 0, 3, "").boundMs()).as(where + ": its bound")
                .isEqualTo(20 + times * 3);
        assertThat(number(groups(doc, "fetching N URLs delayed by (\\d+) ms").get(0)))
                .as("docs/trusting-the-numbers.md, The floor: its delay").isEqualTo(Benchmarks.FLOOR_DELAY_MS);

        // The margin is package-private: refuse(n) tells it, one file or port either side.
        List<String> limits = groups(doc, "the open-file limit \\(N sockets per process plus (\\d+)\\) and the local port "
                + "range \\(N client ports plus (\\d+)\\)");
        long files = n + (long) number(limits.get(0));
        long ports = n + (long) number(limits.get(1));
        where = "docs/trusting-the-numbers.md, OS limits";
        assertThat(new SystemLimits(files, ports, n).refuse(n)).as(where + ": enough").isEmpty();
        assertThat(new SystemLimits(files - 1, ports, n).refuse(n)).as(where + ": a file short").isPresent();
        assertThat(new SystemLimits(files, ports - 1, n).refuse(n)).as(where + ": a port short").isPresent();

        for (String other : List.of("options", "protocols")) {
            assertThat(number(groups(other, "Jetty's default, (\\d+),").get(0)))
                    .as("docs/%s.md: the HTTP/2 stream limit", other)
                    .isEqualTo(ServerSettings.DEFAULT_MAX_CONCURRENT_STREAMS);
        }
    }

    @Test
    void theLoadsBoundBootstrapAndRatesAreTheCodes() {
        Map<String, List<String>> bounds = Map.of(
                "load", List.of("within the bound, (\\w+) times the workload's ideal gather",
                        "Without `--p99` the bound is (\\w+) times the ideal gather"),
                "tuning", List.of("\\| `--p99 MS` \\| [^|]+ \\| (\\w+) times the ideal gather",
                        "# p99 within (\\w+) times the ideal gather"),
                "options", List.of("by default (\\w+) times the ideal gather"));
        bounds.forEach((doc, regexes) -> regexes.forEach(regex -> assertThat(number(groups(doc, regex).get(0)))
                .as("docs/%s.md: the default p99 bound", doc).isEqualTo(LoadPrediction.BOUND_FACTOR)));

        String where = "docs/load.md, Arrivals at a rate";
        assertThat(number(groups("load", "a bootstrap \\(([\\d,]+) draws, seeded\\)").get(0)))
                .as(where + ": the bootstrap's draws").isEqualTo(MergedLatency.RESAMPLES);
        assertThat(number(groups("load", "then runs of (\\w+) consecutive windows").get(0)))
                .as(where + ": the bootstrap's runs of windows").isEqualTo(MergedLatency.BLOCK);
        assertThat(number(groups("load", "p99\\.9 is shown only where ([\\d,]+) gathers back it").get(0)))
                .as(where + ": p99.9's samples").isEqualTo(MergedLatency.P999_SAMPLES);

        where = "docs/load.md, Two rates, predicted before the run";
        List<String> grid = groups("load", "runs \\*\\*(\\d+) rates, (.+?) times the predicted SLO rate\\*\\*");
        assertThat(number(grid.get(0))).as(where + ": how many rates").isEqualTo(LoadPrediction.GRID.size());
        assertThat(Arrays.stream(grid.get(1).split(", | and ")).map(DocsMatchCodeTest::number).toList())
                .as(where + ": the grid").isEqualTo(LoadPrediction.GRID);
        assertThat(number(groups("load", "s at ([\\d.]+) times saturation\\*\\*").get(0)))
                .as(where + ": the overload").isEqualTo(LoadPrediction.OVERLOAD);
    }

    @Test
    void eachShapeRunsAtTheNAndDelayItsCardGives() {
        Profile shapes = Profile.SHAPES;
        String where = "docs/shapes.md, the shapes profile";
        List<String> sizes = groups("shapes", "workers and as completed at N = (\\d+), failures at N = (\\d+), CPU-heavy "
                + "at N = (\\d+); the full profile keeps the larger N of the classic examples\\) with d = (\\d+) ms "
                + "\\(the full profile: (\\d+) ms\\) unless said, (\\d+) forks per result");
        assertThat(numbers(sizes)).as(where).isEqualTo(doubles(shapes.urls(Shape.workers),
                shapes.urls(Shape.failures), shapes.urls(Shape.cpuHeavy), shapes.delayMs(Shape.workers),
                Profile.FULL.delayMs(Shape.workers), shapes.forks()));
        assertThat(shapes.urls(Shape.asCompleted)).as(where + ": as completed").isEqualTo(shapes.urls(Shape.workers));
        assertThat(number(groups("shapes", "k workers \\(`concurrency`, default \\*\\*(\\d+)\\*\\*").get(0)))
                .as("docs/shapes.md, Workers").isEqualTo(Profile.WORKER_COUNT);
        assertThat(number(groups("shapes", "`RaceBenchmark`\\) — N = (\\d+) replicas").get(0)))
                .as("docs/shapes.md, Race").isEqualTo(shapes.urls(Shape.race));
        List<String> deadline = groups("shapes", "`DeadlineBenchmark`\\) — N = (\\d+) URLs and a deadline d of (\\w+) "
                + "the shapes' delay \\((\\d+) ms in the default run, (\\d+) ms in the full profile\\)");
        assertThat(List.of(number(deadline.get(0)), number(deadline.get(1)) * shapes.delayMs(Shape.workers),
                number(deadline.get(2)), number(deadline.get(3)))).as("docs/shapes.md, Deadline")
                .isEqualTo(doubles(shapes.urls(Shape.deadline), shapes.delayMs(Shape.deadline),
                        Profile.DEFAULT.delayMs(Shape.deadline), Profile.FULL.delayMs(Shape.deadline)));
        assertThat(number(groups("shapes", "gather N URLs \\(d = (\\d+) ms\\)").get(0)))
                .as("docs/shapes.md, CPU-heavy: its delay").isEqualTo(shapes.delayMs(Shape.cpuHeavy));
        assertThat(integers(groups("shapes", "threadPool runs with k = ([\\d, and]+?)\\.").get(0)))
                .as("docs/shapes.md, CPU-heavy: threadPool's pools").isEqualTo(Variant.CPU_HEAVY_POOL_SIZES);
    }

    @Test
    void theCostProfileAndItsMarksAreTheCodes() {
        String where = "docs/cost.md, The cost profile";
        for (String regex : List.of("forks started with `-XX:ActiveProcessorCount=(\\d+)`", "table \"told (\\d+)\"",
                "does not see (\\d+) processors", "machine of (\\d+) cores or more")) {
            assertThat(number(groups("cost", regex).get(0))).as(where + ": the cpus axis")
                    .isEqualTo(Profile.TOLD_PROCESSORS);
        }
        List<String> gather = groups("cost", "\\*\\*Every setting's gather at a (\\d+) ms delay\\*\\*, at N = "
                + "([\\d, and]+?), where");
        assertThat(number(gather.get(0))).as(where + ": its delay").isEqualTo(Profile.COST.delayMs());
        assertThat(integers(gather.get(1))).as(where + ": its N").isEqualTo(Profile.COST.urls());
        assertThat(percent(groups("cost", "cores (\\d+) % busy or more").get(0)))
                .as("docs/cost.md: CPU-bound").isEqualTo(Verdict.CPU_BOUND_BUSY);
        List<String> late = groups("cost", "passes max\\((\\d+) % of the delay, (\\d+) ms\\)");
        assertThat(List.of(percent(late.get(0)), number(late.get(1)))).as("docs/cost.md, The mark: a late server")
                .containsExactly(Row.SERVER_LATE_SHARE, Row.SERVER_LATE_MIN_MS);
    }

    /** Margin.parse takes both quoted ends and refuses the doubles just outside them. */
    private static void acceptsExactly(double lowest, double highest, String doc) {
        for (double end : List.of(lowest, highest)) {
            assertThatCode(() -> Margin.parse(Double.toString(end))).as("%s: the margin's range", doc)
                    .doesNotThrowAnyException();
        }
        for (double outside : List.of(Math.nextDown(lowest), Math.nextUp(highest))) {
            assertThatThrownBy(() -> Margin.parse(Double.toString(outside))).as("%s: the margin's range", doc)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** docs/NAME.md with its line breaks folded into spaces, so a regex sees a wrapped sentence whole. */
    private static String doc(String name) {
        try {
            return Files.readString(DOCS.resolve(name + ".md")).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups of the first match. */
    private static List<String> groups(String name, String regex) {
        return all(name, regex).get(0);
    }

    /** The groups of every match; a sentence reworded or gone fails, naming the doc. */
    private static List<List<String>> all(String name, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(doc(name));
        List<List<String>> found = new ArrayList<>();
        while (matcher.find()) {
            List<String> groups = new ArrayList<>();
            for (int i = 1; i <= matcher.groupCount(); i++) {
                groups.add(matcher.group(i));
            }
            found.add(groups);
        }
        assertThat(found).as("docs/%s.md: no sentence matches /%s/; fix the doc, or this check with it", name, regex)
                .isNotEmpty();
        return found;
    }

    /** Group 1 of every match in {@code text}. */
    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** "5", "5,000", "10 000", "0.85", or a small count in words ("eight", "twice"). */
    private static double number(String text) {
        String plain = text.strip().toLowerCase(Locale.ROOT);
        Integer word = WORDS.get(plain);
        return word != null ? word : new BigDecimal(plain.replaceAll("[, ]", "")).doubleValue();
    }

    /** The code's values as doubles, to compare with {@link #numbers}. */
    private static List<Double> doubles(Number... values) {
        return Arrays.stream(values).map(Number::doubleValue).toList();
    }

    private static List<Double> numbers(List<String> texts) {
        return texts.stream().map(DocsMatchCodeTest::number).toList();
    }

    /** "10,100,1000" or "10, 100 and 1000". */
    private static List<Integer> integers(String list) {
        return Arrays.stream(list.strip().split(",\\s*|\\s+and\\s+")).map(s -> (int) number(s)).toList();
    }

    /** "3" (per cent) as the share 0.03, exactly as the code writes it. */
    private static double percent(String text) {
        return new BigDecimal(text.strip()).movePointLeft(2).doubleValue();
    }
}
