package fetchbench.document;

import java.util.List;

/** Sections as HTML for index.html: self-contained, no CDN, no web fonts; every table sorts by a click. */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    /** A whole page: its title, then the sections, with their contents before the one at {@code contentsAt}. */
    public static String page(String title, List<Section> sections, int contentsAt) {
        StringBuilder html = new StringBuilder(head(title));
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        for (int i = 0; i < sections.size(); i++) {
            if (i == contentsAt) {
                html.append("<nav id=\"contents\"><h2>Contents</h2>\n<ol>\n");
                sections.forEach(section -> html.append("<li><a href=\"#").append(section.id()).append("\">")
                        .append(escape(section.title())).append("</a></li>\n"));
                html.append("</ol>\n</nav>\n");
            }
            html.append(section(sections.get(i)));
        }
        return html.append(SORT_SCRIPT).append("</body>\n</html>\n").toString();
    }

    public static String section(Section section) {
        StringBuilder html = new StringBuilder("<section id=\"").append(section.id()).append("\">\n<h2>")
                .append(escape(section.title())).append("</h2>\n");
        section.blocks().forEach(block -> html.append(block(block)));
        return html.append("</section>\n").toString();
    }

    public static String block(Block block) {
        return switch (block) {
            case Paragraph p -> "<p" + switch (p.role()) {
                case warning -> " class=\"sig\"";
                case fact -> " class=\"env\"";
                case legend, plain -> "";
            } + ">" + text(p.text()) + "</p>\n";
            case Bullets b -> list(b);
            case Table t -> table(t);
            case Figure f -> """
                    <figure id="%1$s">
                    <a href="%1$s.png"><img src="%1$s.png" alt="%2$s" width="%3$d" height="%4$d"></a>
                    <figcaption>%5$s</figcaption>
                    </figure>
                    """.formatted(f.name(), escape(f.title()), f.width(), f.height(), escape(f.caption()));
            case Preformatted p -> "<pre>" + escape(p.text()) + "</pre>\n";
            case Folded f -> "<details><summary>" + escape(f.summary()) + "</summary>\n"
                    + f.blocks().stream().map(HtmlRenderer::block).collect(java.util.stream.Collectors.joining())
                    + "</details>\n";
        };
    }

    private static String list(Bullets bullets) {
        StringBuilder html = new StringBuilder("<ul").append(id(bullets.id())).append(">\n");
        bullets.items().forEach(item -> html.append("<li>").append(text(item)).append("</li>\n"));
        return html.append("</ul>\n").toString();
    }

    private static String table(Table table) {
        StringBuilder html = new StringBuilder("<div class=\"wide\"><table class=\"sortable\"").append(id(table.id()))
                .append(">\n<thead><tr>");
        table.columns().forEach(c -> html.append("<th class=\"").append(c.numeric() ? "num" : "text").append("\">")
                .append(escape(c.heading())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Table.Cell> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Table.Cell cell = row.get(i);
                String value = Double.isNaN(cell.value()) ? cell.text().words() : String.valueOf(cell.value());
                html.append("<td").append(table.columns().get(i).numeric() ? "" : " class=\"text\"")
                        .append(" data-value=\"").append(escape(value)).append("\">").append(text(cell.text()))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table></div>\n").toString();
    }

    static String text(Text text) {
        StringBuilder html = new StringBuilder();
        for (Text.Span span : text.spans()) {
            String words = escape(span.words());
            html.append(switch (span.style()) {
                case plain -> words;
                case strong -> "<b>" + words + "</b>";
                case emphasis -> "<em>" + words + "</em>";
                case code -> "<code>" + words + "</code>";
                case link -> "<a href=\"" + escape(span.target()) + "\">" + words + "</a>";
            });
        }
        return html.toString();
    }

    private static String id(String id) {
        return id.isEmpty() ? "" : " id=\"" + escape(id) + "\"";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Page head with inline CSS; system fonts only so the page renders offline. */
    private static String head(String title) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1rem auto;
                         max-width: 1150px; padding: 0 1rem; color: #222; }
                  body:has(#contents) { padding-left: 14rem; }
                  @media (max-width: 900px) { body:has(#contents) { padding-left: 1rem; }
                                              #contents { position: static; width: auto; } }
                  #contents { position: fixed; top: 1rem; left: 1rem; width: 12rem;
                              max-height: calc(100vh - 2rem); overflow-y: auto; font-size: 0.85rem; }
                  #contents h2 { margin-top: 0; } #contents ol { padding-left: 1.2rem; }
                  .wide { overflow-x: auto; } td, th { white-space: nowrap; }
                  details { margin: 1rem 0; } summary { cursor: pointer; color: #0645ad; }
                  h1 { font-size: 1.6rem; } h2 { margin-top: 1.8rem; border-bottom: 1px solid #ddd; }
                  .env { color: #555; }
                  figure { margin: 1rem 0; } figure img { max-width: 100%%; height: auto; border: 1px solid #eee; }
                  figcaption { color: #555; font-size: 0.9rem; }
                  table { border-collapse: collapse; font-size: 0.9rem; width: 100%%; }
                  th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #eee; text-align: right; }
                  th { background: #f4f4f4; cursor: pointer; user-select: none; }
                  th.text, td.text { text-align: left; }
                  th[aria-sort="ascending"]::after { content: " ▲"; }
                  th[aria-sort="descending"]::after { content: " ▼"; }
                  .sig { color: #b00020; font-weight: 600; } .nosig { color: #666; }
                  pre { background: #f6f6f6; padding: 0.8rem; overflow-x: auto; }
                </style>
                </head>
                <body>
                """.formatted(escape(title));
    }

    /** Click a column header to sort the table by it; click again to reverse. */
    private static final String SORT_SCRIPT = """
            <script>
            document.querySelectorAll("table.sortable").forEach(function (table) {
              table.querySelectorAll("th").forEach(function (th, column) {
                th.addEventListener("click", function () {
                  var ascending = th.getAttribute("aria-sort") !== "ascending";
                  table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
                  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var numeric = th.classList.contains("num");
                  rows.sort(function (a, b) {
                    var x = a.cells[column].getAttribute("data-value");
                    var y = b.cells[column].getAttribute("data-value");
                    var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
                    return ascending ? order : -order;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
            });
            </script>
            """;
}
