package fetchbench.document;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sections as console text: the words without marks, tables in aligned columns, no legends and no
 * figures (the console points to index.html for those).
 */
public final class ConsoleRenderer {

    private static final String GAP = "  ";

    private ConsoleRenderer() {
    }

    public static String section(Section section) {
        return "== " + section.title() + "\n" + section.blocks().stream().map(ConsoleRenderer::block)
                .collect(Collectors.joining());
    }

    public static String block(Block block) {
        return switch (block) {
            case Paragraph p -> p.role() == Paragraph.Role.legend ? "" : p.text().words() + "\n";
            case Bullets b -> b.items().stream().map(item -> "  - " + item.words() + "\n").collect(Collectors.joining());
            case Table t -> table(t);
            case Figure f -> "";
            case Preformatted p -> p.text() + "\n";
            case Folded f -> f.blocks().stream().map(ConsoleRenderer::block).collect(java.util.stream.Collectors.joining());
        };
    }

    /** Each column as wide as its widest cell; numbers aligned right. */
    private static String table(Table table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.columns().stream().map(Table.Column::heading).toList());
        table.rows().forEach(row -> lines.add(row.stream().map(c -> c.text().words()).toList()));
        int[] widths = new int[table.columns().size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                out.append(i == 0 ? "" : GAP).append(table.columns().get(i).numeric() ? pad + cell : cell + pad);
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
