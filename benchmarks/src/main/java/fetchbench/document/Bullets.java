package fetchbench.document;

import java.util.List;

/** A list of points; {@code id} names it for the page's links and tests, empty when nothing links to it. */
public record Bullets(String id, List<Text> items) implements Block {

    public Bullets {
        items = List.copyOf(items);
    }

    public static Bullets of(List<String> lines) {
        return new Bullets("", lines.stream().map(Text::of).toList());
    }

    public static Bullets of(String id, List<String> lines) {
        return new Bullets(id, lines.stream().map(Text::of).toList());
    }
}
