package fetchbench.document;

import java.util.List;
import java.util.stream.Collectors;

/** Sections as Markdown, for the README's digests and docs/. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    /** The section under a heading of the given level. */
    public static String section(Section section, int level) {
        return "#".repeat(level) + " " + section.title() + "\n\n" + blocks(section);
    }

    /** The section's blocks alone, for a digest inside a document that has its own headings. */
    public static String blocks(Section section) {
        return section.blocks().stream().map(MarkdownRenderer::block).collect(Collectors.joining());
    }

    public static String block(Block block) {
        return switch (block) {
            case Paragraph p -> text(p.text()) + "\n\n";
            case Bullets b -> b.items().stream().map(item -> "- " + text(item) + "\n").collect(Collectors.joining())
                    + "\n";
            case Table t -> table(t);
            case Figure f -> "![" + f.title() + "](" + f.name() + ".png)\n\n";
            case Preformatted p -> "```\n" + p.text() + "\n```\n\n";
            case Folded f -> f.blocks().stream().map(MarkdownRenderer::block).collect(java.util.stream.Collectors.joining());
        };
    }

    private static String table(Table table) {
        StringBuilder md = new StringBuilder("|");
        table.columns().forEach(c -> md.append(' ').append(cell(c.heading())).append(" |"));
        md.append("\n|");
        table.columns().forEach(c -> md.append(c.numeric() ? "---:|" : "---|"));
        md.append('\n');
        for (List<Table.Cell> row : table.rows()) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(cell(text(c.text()))).append(" |"));
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }

    static String text(Text text) {
        StringBuilder md = new StringBuilder();
        for (Text.Span span : text.spans()) {
            md.append(switch (span.style()) {
                case plain -> span.words();
                case strong -> "**" + span.words() + "**";
                case emphasis -> "*" + span.words() + "*";
                case code -> "`" + span.words() + "`";
                case link -> "[" + span.words() + "](" + span.target() + ")";
            });
        }
        return md.toString();
    }
}
