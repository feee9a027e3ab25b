package fetchbench.document;

/** A part of a {@link Section}: what every renderer knows how to write. */
public sealed interface Block permits Paragraph, Bullets, Table, Figure, Preformatted, Folded {
}
