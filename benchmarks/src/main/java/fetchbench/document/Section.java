package fetchbench.document;

import java.util.List;

/** A titled part of a report, built once from the analysis and rendered as HTML, Markdown or console text. */
public record Section(String id, String title, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }
}
