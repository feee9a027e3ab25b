package fetchbench.document;

/**
 * A paragraph and its role: a warning the reader must not miss, a legend that says how to read
 * what follows (the console leaves legends out), a fact about the run, or plain text.
 */
public record Paragraph(Text text, Role role) implements Block {

    public enum Role { plain, warning, legend, fact }

    public static Paragraph of(String words) {
        return new Paragraph(Text.of(words), Role.plain);
    }

    public static Paragraph of(Text text) {
        return new Paragraph(text, Role.plain);
    }

    public static Paragraph legend(String words) {
        return new Paragraph(Text.of(words), Role.legend);
    }

    public static Paragraph legend(Text text) {
        return new Paragraph(text, Role.legend);
    }

    public static Paragraph warning(String words) {
        return new Paragraph(Text.of(words), Role.warning);
    }

    public static Paragraph fact(String words) {
        return new Paragraph(Text.of(words), Role.fact);
    }
}
