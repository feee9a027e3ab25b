package fetchbench;

import fetchbench.catalog.Model;
import fetchbench.run.RunOption;
import fetchbench.workload.Shape;

/** The text of {@code --help}. */
final class Usage {

    private static final int PARAMETER_COLUMN = 16;
    private static final int MODELS_WIDTH = 80;
    private static final int HELP_WIDTH = 100;

    private Usage() {
    }

    static final String TEXT = """
            fetchbench: which concurrency model for fetching N URLs, and how to tune it.

            Usage: java -jar benchmarks/target/benchmarks.jar [benchmark regexp ...] [-p name=v1,v2 ...] [JMH options]
                   ./mvnw verify [-Dfetchbench.name=v1,v2 ...]

            Shapes, one benchmark each (a regexp such as Deadline picks them, default: all):
            %s
            urls, delayMs, delayProfile, concurrency and maxRequests set GatherBenchmark's workload;
            the other shapes run at their own small N and d unless named.

            Parameters (-p name=… or -Dfetchbench.name=…; comma-separated values are all run):
              model         %s
                            (default: all, a few left out of some shapes in the default run;
                            structured needs a JDK 25 build)
              urls          N, URLs per batch (default: 10,100,1000; smoke: 10,100)
              delayMs       server delay per URL in ms (default: 100; smoke: 20)
              concurrency   pool size of threadPool/completableFuture, maxRequestsPerHost of okHttpAsync,
                            executor size of httpClientAsync, semaphore permits of virtualThreads,
                            flatMap concurrency of reactor;
                            0 = the model's default (default: threadPool 20, completableFuture 0,20,
                            okHttpAsync 5 and a tuned run at the largest N, others 0)
              maxRequests   OkHttp Dispatcher maxRequests (default: 64, OkHttp's own)
              delayProfile  fixed, uniform, staggered, lognormal (default: fixed)
              connectionPool sized (N idle connections kept) or okHttpDefault (OkHttp's 5) (default: sized)
              seed          seed of the random delay profiles (default: 42)
              protocol      http1, https1, h2, h2c (default: http1, and the other three for one
                            setting per client stack at one N; see docs/protocols.md)

            Run options (-Dfetchbench.name=…):
            %s

            --plan prints every step with its batches and predicted time, and runs nothing.
            --check checks the options, the OS limits and the JMH lock, and runs nothing
            (./mvnw verify does this before the tests).
            JMH options such as -wi, -i and -f are passed to JMH. Results: results/<run-id>/.
            To sweep a model's setting for your own workload and get a recommendation: scripts/tune.sh --help.
            """.formatted(shapes(), modelNames(), runOptions());

    /** Each shape with its benchmark class and what one operation does. */
    private static String shapes() {
        StringBuilder text = new StringBuilder();
        for (Shape shape : Shape.values()) {
            text.append(String.format("  %-12s %-21s %s%n", shape, shape.benchmark(), shape.summary()));
        }
        return text.toString().stripTrailing();
    }

    /** Each run option a user gives, with its help wrapped to the column of the descriptions. */
    private static String runOptions() {
        StringBuilder text = new StringBuilder();
        for (RunOption option : RunOption.values()) {
            if (!option.forUsers()) {
                continue;
            }
            String name = "  " + option.name();
            text.append(name).append(" ".repeat(Math.max(2, PARAMETER_COLUMN - name.length())));
            int column = Math.max(PARAMETER_COLUMN, name.length() + 2);
            for (String word : option.help().split(" ")) {
                if (column + word.length() + 1 > HELP_WIDTH) {
                    text.append('\n').append(" ".repeat(PARAMETER_COLUMN));
                    column = PARAMETER_COLUMN;
                } else if (column > PARAMETER_COLUMN && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                    column++;
                }
                text.append(word);
                column += word.length();
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** The models, wrapped to the column of the parameters' descriptions. */
    private static String modelNames() {
        StringBuilder names = new StringBuilder();
        int column = 0;
        for (Model model : Model.values()) {
            String name = model.name() + (model.ordinal() < Model.values().length - 1 ? "," : "");
            if (column > 0 && column + name.length() + 1 > MODELS_WIDTH) {
                names.append("\n").append(" ".repeat(PARAMETER_COLUMN));
                column = 0;
            }
            names.append(column > 0 ? " " : "").append(name);
            column += name.length() + (column > 0 ? 1 : 0);
        }
        return names.toString();
    }
}
