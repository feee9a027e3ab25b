package fetchbench.result;

import fetchbench.stats.ForkMeans;
import fetchbench.stats.Ratio;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The server's CPU per request with WireMock's response template and with the suite's own
 * extension, block by block in µs ({@link fetchbench.probe.EchoCost}), as a run records it under
 * {@link ResultKeys#ECHO_COST}: written by {@link #encode}, read by {@link #decode}.
 */
public record EchoCostOutcome(List<Double> template, List<Double> extension) {

    public EchoCostOutcome {
        template = List.copyOf(template);
        extension = List.copyOf(extension);
    }

    /** The blocks as samples of the mean, each block one. */
    public ForkMeans templateMeans() {
        return new ForkMeans(template, template.size());
    }

    public ForkMeans extensionMeans() {
        return new ForkMeans(extension, extension.size());
    }

    /** Extension ÷ template, tested within the default margin. */
    public Ratio ratio() {
        return Ratio.of(templateMeans(), extensionMeans(), Ratio.DEFAULT_MARGIN);
    }

    /** "Server CPU per request: template 516.7 ± 36.6 µs, extension 385.8 ± 40.9 µs (extension ÷ template …)". */
    public String describe() {
        Ratio ratio = ratio();
        return String.format(Locale.ROOT, "Server CPU per request at %d ms, %d blocks of each, alternating: WireMock's "
                        + "response template %.1f ± %.1f µs, the suite's extension %.1f ± %.1f µs; extension ÷ template "
                        + "%.2f [%.2f–%.2f]", 1, template.size(), templateMeans().mean(), templateMeans().halfWidth(),
                extensionMeans().mean(), extensionMeans().halfWidth(), ratio.estimate(), ratio.low(), ratio.high());
    }

    public String encode() {
        return join(template) + ";" + join(extension);
    }

    public static EchoCostOutcome decode(String text) {
        String[] parts = text.split(";");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an echo cost: " + text);
        }
        return new EchoCostOutcome(split(parts[0]), split(parts[1]));
    }

    private static String join(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(","));
    }

    private static List<Double> split(String values) {
        return Arrays.stream(values.split(",")).map(Double::parseDouble).toList();
    }
}
