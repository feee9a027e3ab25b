package fetchbench.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few blocks of a warm-up, and whether they are steady: every block settled (nothing the
 * caller watches grew during it) and no Mann–Kendall trend in their values at {@code alpha}. The
 * client's warm-up and the server's share it, so both end by the same rule.
 */
public final class SteadyWindow {

    /** One block: when it began, its value (a mean batch time, a rate), and whether it settled. */
    public record Block(long startNanos, double value, boolean settled) {
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

    /** Every block in the window settled, and their values show no trend. */
    public boolean steady() {
        return blocks.stream().allMatch(Block::settled) && noTrend(blocks.stream().map(Block::value).toList(), alpha);
    }

    /** No Mann–Kendall trend at {@code alpha} in the values, in the order they came. */
    public static boolean noTrend(List<Double> values, double alpha) {
        return Trend.of(values).pValue() >= alpha;
    }
}
