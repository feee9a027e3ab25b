package fetchbench.document;

import java.util.List;

/**
 * A table: its columns and rows of cells. {@code id} names it for the page's links and tests
 * (empty when nothing links to it).
 */
public record Table(String id, List<Column> columns, List<List<Cell>> rows) implements Block {

    /** A column's heading, and whether it holds numbers (aligned right, sorted by value). */
    public record Column(String heading, boolean numeric) {

        public static Column text(String heading) {
            return new Column(heading, false);
        }

        public static Column number(String heading) {
            return new Column(heading, true);
        }
    }

    /** A cell's words, and the value a numeric column sorts it by (NaN for none). */
    public record Cell(Text text, double value) {

        public static Cell of(String words) {
            return new Cell(Text.of(words), Double.NaN);
        }

        public static Cell of(Text text) {
            return new Cell(text, Double.NaN);
        }

        /** A number shown with {@code format}, a dash where it is not known. */
        public static Cell number(double value, String format) {
            return new Cell(Text.of(Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, format, value)),
                    value);
        }
    }

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of "
                        + columns.size() + " columns");
            }
        }
    }

    /** A table whose cells are all plain words. */
    public static Table ofWords(String id, List<Column> columns, List<List<String>> rows) {
        return new Table(id, columns, rows.stream().map(r -> r.stream().map(Cell::of).toList()).toList());
    }
}
