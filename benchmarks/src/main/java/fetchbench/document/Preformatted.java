package fetchbench.document;

/** Text shown as it is, such as a command to copy. */
public record Preformatted(String text) implements Block {
}
