package fetchbench.document;

import java.util.List;

/**
 * Blocks a reader opens when they want them: a disclosure in HTML (closed, so the page stays
 * short), plain blocks after their summary in Markdown and the console.
 *
 * @param summary what is inside, e.g. "8 more charts: threads, memory, connections"
 * @param blocks  what opens
 */
public record Folded(String summary, List<? extends Block> blocks) implements Block {

    public Folded {
        blocks = List.copyOf(blocks);
    }
}
