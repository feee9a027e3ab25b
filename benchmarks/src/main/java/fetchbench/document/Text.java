package fetchbench.document;


import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Words of a paragraph, a bullet or a cell: runs of plain, strong, emphasised, code or linked text.
 * Each renderer marks the styles its own way; the console shows the words alone.
 */
public record Text(List<Span> spans) {

    /** How a run of words is marked. */
    public enum Style { plain, strong, emphasis, code, link }

    /** A run of words; {@code target} is the address of a link, empty otherwise. */
    public record Span(String words, Style style, String target) {
    }

    public Text {
        spans = List.copyOf(spans);
    }

    public static Text of(String words) {
        return new Text(List.of()).then(words);
    }

    public static Text strong(String words) {
        return new Text(List.of(new Span(words, Style.strong, "")));
    }

    public Text then(String words) {
        return with(new Span(words, Style.plain, ""));
    }

    public Text thenStrong(String words) {
        return with(new Span(words, Style.strong, ""));
    }

    public Text thenEmphasis(String words) {
        return with(new Span(words, Style.emphasis, ""));
    }

    public Text thenCode(String words) {
        return with(new Span(words, Style.code, ""));
    }

    public Text thenLink(String words, String target) {
        return with(new Span(words, Style.link, target));
    }

    public Text then(Text more) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(more.spans);
        return new Text(all);
    }

    private Text with(Span span) {
        if (span.words().isEmpty()) {
            return this;
        }
        List<Span> all = new ArrayList<>(spans);
        all.add(span);
        return new Text(all);
    }

    /** The words without their marks. */
    public String words() {
        return spans.stream().map(Span::words).collect(Collectors.joining());
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }
}
