package fetchbench;

import fetchbench.result.WholeFile;

import fetchbench.catalog.Model;
import fetchbench.catalog.Variant;
import fetchbench.run.OptionException;
import fetchbench.result.Param;
import fetchbench.run.Profile;
import fetchbench.run.RunOption;
import fetchbench.run.RunOptions;
import fetchbench.run.Sweep;
import fetchbench.workload.DelayProfile;
import fetchbench.workload.Delays;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * scripts/tune.sh: sweeps each model's concurrency setting for the user's own workload and
 * recommends a value. It checks its options, then runs the launcher with a sweep plan, so the
 * result is a normal run folder under results/ (charts, index.html, compare.sh all work).
 */
public final class Tune {

    static final String USAGE = """
            usage: scripts/tune.sh --urls N [--delay SPEC] [--range MIN..MAX] [--models m1,m2]
                                   [--rate R [--p99 MS]] [--seed S] [--target http://host:port]
                                   [--results DIR]

            Sweeps, for your workload of N URLs, each model's concurrency setting over MIN, 2·MIN,
            4·MIN, … MAX (default 1..N) and recommends the smallest value equivalent to the best (within 3 %%;
            FETCHBENCH_MARGIN=5%% sets another margin):
            %s

              --urls N          URLs per batch (required)
              --delay SPEC      the server's latency: MS (fixed), fixed:MS, uniform:MEAN_MS[:S]
                                (MEAN ± S·MEAN, S in (0, 1], default 1), lognormal:MEDIAN_MS[:σ]
                                (default σ 0.5) or staggered:MS (default fixed:100)
              --range MIN..MAX  the settings to try (default 1..N; with --rate 1..4N: several gathers
                                at once can use more than N)
              --models LIST     some of %s
                                (default: all)
              --rate R          under load: gathers of N arrive at random, R a second on average,
                                without a pause; each setting is judged by its p99 latency (timed
                                from each arrival's intended start, every window of every fork
                                merged): the smallest setting whose p99, up to the top of its 95 %%
                                interval, stays within the bound is recommended, with its threads
              --p99 MS          the p99 bound with --rate (default: eight times the ideal gather,
                                every URL in flight at once)
              --seed S          seed of the random delay profiles (default 42)
              --target URL      a running WireMock to use instead of starting one
              --results DIR     where the run folder goes (default results)

            Example: scripts/tune.sh --urls 200 --delay lognormal:80 --range 1..256
                     scripts/tune.sh --urls 10 --delay 20 --rate 200 --p99 60
            """.formatted(swept(), Sweep.modelNames());

    /** Each swept model with what its sweep varies, from the catalog. */
    private static String swept() {
        StringBuilder text = new StringBuilder();
        for (Model model : Sweep.MODELS) {
            long pools = Variant.all().stream().filter(v -> v.model() == model && v.plays(Variant.Role.swept))
                    .map(Variant::connectionPool).distinct().count();
            text.append(String.format("  %-18s %s%s%n", model, model.knob().words(),
                    pools > 1 ? ", once per connection pool (N, OkHttp's 5)" : ""));
        }
        return text.toString().stripTrailing();
    }

    /** With --rate, the default range reaches this many times N. */
    static final int LOAD_RANGE_FACTOR = 4;
    /** The flags tune.sh takes, each with a value (and --help alone). */
    static final List<String> FLAGS = List.of("--urls", "--delay", "--range", "--models", "--rate", "--p99", "--seed",
            "--target", "--results", "--help");

    private Tune() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        WholeFile.stopOnSignals();
        System.exit(run(args, System.getProperties(), System.out, System.err));
    }

    /** Checks the options and runs the sweep; returns the exit code. */
    public static int run(String[] args, Properties properties, PrintStream out, PrintStream err) {
        List<String> launcherArgs = new ArrayList<>();
        Properties launcherProperties = new Properties();
        launcherProperties.putAll(properties);
        try {
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                out.print(USAGE);
                return 0;
            }
            Map<String, String> flags = flags(args);
            if (flags.containsKey("--target")) {
                launcherProperties.setProperty("fetchbench.target",
                        RunOptions.parseTarget(flags.get("--target"), "--target").toString());
            }
            if (flags.containsKey("--results")) {
                launcherProperties.setProperty("fetchbench.results", flags.get("--results"));
            }
            String urls = flags.get("--urls");
            String delay = flags.getOrDefault("--delay", Profile.DELAY_PROFILE + ":" + Profile.DEFAULT.delayMs());
            String range = flags.get("--range");
            String models = flags.getOrDefault("--models", Sweep.modelNames().replace(" ", ""));
            String seed = flags.getOrDefault("--seed", String.valueOf(Profile.SEED));
            String rate = flags.get("--rate");
            String p99 = flags.get("--p99");
            if (urls == null) {
                throw new OptionException("--urls is required; allowed: a positive integer, e.g. --urls 200");
            }
            int n = positive("--urls", urls);
            String[] profileAndMs = delayProfile(delay);
            // Under load several gathers share the model, so settings past N count; one gather uses N at most.
            Sweep sweep = Sweep.parse(range == null ? "1.." + (rate == null ? n : LOAD_RANGE_FACTOR * n) : range, "--range");
            if (rate == null && sweep.min() > n) {
                throw new OptionException("bad value '" + range + "' for --range; allowed: MIN..MAX with 1 <= MIN <= N ("
                        + n + "): a setting above N behaves like N");
            }
            checkValues(models, rate, p99, seed);
            // Only once every option is good, so bad input still gets one line and nothing else.
            if (rate == null && sweep.max() > n) {
                out.println("[tune] note: settings above N=" + n + " behave like N; sweeping " + sweep.min() + ".." + n);
                sweep = new Sweep(sweep.min(), n);
            }
            launcherProperties.setProperty("fetchbench.sweep", sweep.toString());
            if (p99 != null) {
                launcherProperties.setProperty("fetchbench.p99Ms", p99.strip());
            }
            launcherProperties.setProperty("fetchbench.reproduce", "scripts/tune.sh " + String.join(" ", args));
            launcherProperties.remove("fetchbench.args");
            launcherArgs.addAll(List.of("-p", Param.URLS.key + "=" + n, "-p", Param.DELAY_MS.key + "=" + profileAndMs[1],
                    "-p", Param.DELAY_PROFILE.key + "=" + profileAndMs[0], "-p", Param.SEED.key + "=" + seed,
                    "-p", Param.MODEL.key + "=" + models.replace(" ", "")));
            if (rate != null) {
                launcherArgs.addAll(List.of("-p", Param.RATE.key + "=" + rate.strip()));
            }
        } catch (OptionException e) {
            err.println("tune: " + e.getMessage());
            return FetchBench.EXIT_BAD_OPTION;
        }
        return FetchBench.run(launcherArgs.toArray(String[]::new), launcherProperties, out, err);
    }

    /** Each flag given, with its value, in the order given; an unknown flag or a missing value is refused. */
    private static Map<String, String> flags(String[] args) throws OptionException {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            RunOption.refuseUnknown(option, "", FLAGS);
            if (i + 1 >= args.length) {
                throw new OptionException(option + " needs a value; see scripts/tune.sh --help");
            }
            flags.put(option, args[++i]);
        }
        return flags;
    }

    /** The models, the rate, the p99 bound and the seed, each refused in one line if it is not one a sweep takes. */
    private static void checkValues(String models, String rate, String p99, String seed) throws OptionException {
        for (String model : models.split(",")) {
            if (Sweep.MODELS.stream().noneMatch(m -> m.name().equals(model.strip()))) {
                throw new OptionException("bad value '" + model + "' for --models; allowed: " + Sweep.modelNames()
                        + (Arrays.stream(Model.values()).anyMatch(m -> m.name().equals(model.strip()))
                        ? " (" + model.strip() + " has no setting to sweep)" : ""));
            }
        }
        if (rate != null) {
            positive("--rate", rate);
        }
        if (p99 != null) {
            if (rate == null) {
                throw new OptionException("--p99 needs --rate; allowed: --rate R --p99 MS");
            }
            try {
                if (!(Double.parseDouble(p99) > 0)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new OptionException("bad value '" + p99 + "' for --p99; allowed: a number of milliseconds > 0");
            }
        }
        try {
            Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new OptionException("bad value '" + seed + "' for --seed; allowed: an integer");
        }
    }

    private static int positive(String option, String value) throws OptionException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException("bad value '" + value + "' for " + option + "; allowed: a positive integer");
    }

    /** "100", "fixed:100", "lognormal:80", "lognormal:80:0.8", "uniform:100:0.5" → {delayProfile, ms}. */
    private static String[] delayProfile(String spec) throws OptionException {
        String[] parts = spec.strip().split(":", -1);
        String problem = "bad value '" + spec + "' for --delay; allowed: MS, or PROFILE:MS[:SPREAD] with PROFILE one of "
                + Param.names(DelayProfile.values()) + ", MS an integer >= 1, SPREAD for uniform 0 < S <= 1 (±S around MS), "
                + "for lognormal σ, 0 < σ <= 5; e.g. lognormal:80:0.8";
        if (parts.length > 3) {
            throw new OptionException(problem);
        }
        String profile = parts.length == 1 ? Profile.DELAY_PROFILE.name() : parts[0].strip();
        String ms = parts.length == 1 ? parts[0].strip() : parts[1].strip();
        try {
            if (Integer.parseInt(ms) < 1) {
                throw new OptionException(problem);
            }
            Delays delays = Delays.parse(parts.length == 3 ? profile + ":" + parts[2].strip() : profile);
            return new String[] {delays.spec(), ms};
        } catch (IllegalArgumentException e) {
            throw new OptionException(problem);
        }
    }
}
