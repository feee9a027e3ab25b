package fetchbench.report;

import java.util.List;

/** A table of text cells with its header, written as HTML (sortable) or Markdown (numbers right-aligned). */
record Table(List<String> header, List<List<String>> rows) {

    String html() {
        StringBuilder html = new StringBuilder("<table class=\"sortable\"><thead><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        rows.forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append(Html.textCell(cell)));
            html.append("</tr>\n");
        });
        return html.append("</tbody></table>\n").toString();
    }

    /** The first column left-aligned, the others right-aligned. */
    String markdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append(i == 0 ? "---|" : "---:|");
        }
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }
}
