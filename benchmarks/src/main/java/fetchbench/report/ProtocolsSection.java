package fetchbench.report;

import fetchbench.analysis.Protocols;
import fetchbench.analysis.Words;

import fetchbench.document.Block;
import fetchbench.document.Bullets;
import fetchbench.document.Paragraph;
import fetchbench.document.Section;
import fetchbench.document.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Over TLS and HTTP/2": a table per N, what changes with each protocol, and the stream-limit probe. */
final class ProtocolsSection {

    private static final String ABOUT = "The gather of one setting per client stack over each protocol, at the N "
            + "where the run compared them. ÷ HTTP/1.1: the time over the same setting's in cleartext HTTP/1.1, with "
            + "the interval of the two results' intervals. New connections per batch: counted by the server, the mean "
            + "of the measured batches, and in brackets those the pool arithmetic predicts (the connections needed at "
            + "once, one per request over HTTP/1.1 and one per stream limit over HTTP/2, less those the pool kept). "
            + "Over TLS each new connection is a handshake (full or resumed: the server does not tell them apart), and "
            + "the band's top adds the predicted ones at the price the run measured for the stack over https1 (a new "
            + "client per batch with the same TLS context; see the floor section), for h2 too; a new cleartext "
            + "connection is not priced.";

    private static final List<Table.Column> COLUMNS = List.of(Table.Column.text("model (setting)"),
            Table.Column.text("protocol"), Table.Column.number("N"), Table.Column.number("ms per batch"),
            Table.Column.number("÷ HTTP/1.1"), Table.Column.number("band ms"), Table.Column.text("in band"),
            Table.Column.number("new connections per batch (predicted)"),
            Table.Column.number("TLS handshakes per batch"));

    private ProtocolsSection() {
    }

    static Section of(Protocols protocols) {
        List<Block> blocks = new ArrayList<>();
        if (!protocols.isEmpty()) {
            blocks.add(Paragraph.legend(ABOUT));
            protocols.byN().forEach((n, rows) -> blocks.add(Table.ofWords("", COLUMNS, rows.stream()
                    .map(row -> List.of(row.setting(), row.protocol().name(), String.valueOf(row.urls()),
                            Words.meanAndError(row), protocols.ratioText(row),
                            String.format(Locale.ROOT, "%.0f – %.0f", row.theoryMs(), row.bandTopMs()),
                            row.placement().words(), Protocols.connections(row), Protocols.handshakes(row)))
                    .toList())));
            blocks.add(Bullets.of(protocols.verdictLines()));
            if (!protocols.probe().isEmpty()) {
                blocks.add(Paragraph.of("Past the server's HTTP/2 stream limit: each stack's bare client, with one "
                        + "connection open, sent twice the limit at once; the server counted the connections it "
                        + "opened."));
                blocks.add(Bullets.of(protocols.probe()));
            }
        }
        return new Section("protocols", "Over TLS and HTTP/2", blocks);
    }
}
