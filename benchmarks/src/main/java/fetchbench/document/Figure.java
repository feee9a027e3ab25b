package fetchbench.document;

/** A chart drawn beside the page: its file name without extension, its title, caption and size in pixels. */
public record Figure(String name, String title, String caption, int width, int height) implements Block {
}
