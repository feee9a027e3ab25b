package fetchbench.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few blocks of a warm-up, and whether their values (mean batch times, answers per second)
 * still trend: Mann–Kendall at {@code alpha}. The client's warm-up and the server's share it, so
 * both end by the same rule.
 */
public final class SteadyWindow {

    /** One block: when it began, and its value. */
    public record Block(long startNanos, double value) {
    }

    private final int size;
    private final double alpha;
    private final Deque<Block> blocks = new ArrayDeque<>();

    public SteadyWindow(int size, double alpha) {
        this.size = size;
        this.alpha = alpha;
    }

    /** Adds a block, dropping the oldest past the window's size. */
    public void add(Block block) {
        blocks.addLast(block);
        if (blocks.size() > size) {
            blocks.removeFirst();
        }
    }

    public int blocks() {
        return blocks.size();
    }

    public boolean full() {
        return blocks.size() == size;
    }

    /** When the oldest block in the window began. */
    public long firstStartNanos() {
        return blocks.getFirst().startNanos();
    }

    /** No trend in the window's values, in the order they came. */
    public boolean steady() {
        return Trend.of(blocks.stream().map(Block::value).toList()).pValue() >= alpha;
    }
}
