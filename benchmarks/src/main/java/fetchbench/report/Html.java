package fetchbench.report;

import java.util.Locale;

/** The few HTML helpers the reports need; pages are self-contained: no CDN, no web fonts. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Page head with inline CSS; system fonts only so the page renders offline. */
    static String head(String title) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
                         max-width: 1150px; padding: 0 1rem; color: #222; }
                  h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
                  .env { color: #555; }
                  figure { margin: 1.5rem 0; } figure img { max-width: 100%%; border: 1px solid #eee; }
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
    static final String SORT_SCRIPT = """
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

    static String textCell(String text) {
        return "<td class=\"text\" data-value=\"" + escape(text) + "\">" + escape(text) + "</td>";
    }

    static String numberCell(double value, String format) {
        String shown = Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
        return "<td data-value=\"" + (Double.isNaN(value) ? "" : value) + "\">" + shown + "</td>";
    }
}
