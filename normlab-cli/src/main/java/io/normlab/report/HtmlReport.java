package io.normlab.report;

import io.normlab.study.Chart;
import io.normlab.study.Check;
import io.normlab.study.Effect;
import io.normlab.study.Literature;
import io.normlab.study.Provenance;
import io.normlab.study.StudyResult;
import io.normlab.study.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The report page: a self-contained HTML file (inline CSS and SVG, no script, no network) with
 * the summary table of claims and verdicts at the top, NormLab's numbers next to the
 * literature's, then one section per study: claim, literature, setup, charts, verdict
 * paragraph, rules, measurements and provenance, with links to the JSON and CSV files.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;max-width:1320px;padding:1.5em;color:#222;line-height:1.45}
            h1{margin-bottom:.2em}h2{margin-top:2.2em;border-bottom:2px solid #ddd;padding-bottom:.2em}h3{margin:1.2em 0 .4em}
            table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
            th{background:#f3f3f3}blockquote{margin:.6em 0;padding:.4em 1em;border-left:4px solid #888;background:#fafafa;font-style:italic}
            .verdict{display:inline-block;padding:.1em .6em;border-radius:1em;font-weight:600;font-size:.9em;white-space:nowrap}
            .v-supported{background:#d4f0d4;color:#145214}.v-not-supported{background:#f6d0d0;color:#7a1010}.v-nuanced{background:#fbe7b5;color:#6b4a00}
            .charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0;flex:1 1 600px;max-width:640px}figure svg{width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.85em;color:#555}.small{font-size:.85em;color:#555}.holds{color:#145214;font-weight:600}.fails{color:#7a1010;font-weight:600}
            details{margin:.6em 0}summary{cursor:pointer;font-weight:600}
            """;

    /** The page for {@code results}, with {@code svgs} mapping study id to chart id to SVG element. */
    public static String render(List<StudyResult> results, Map<String, Map<String, String>> svgs, String generated) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>NormLab report: normalization claims checked</title>\n<style>")
                .append(CSS).append("</style></head><body>\n");
        sb.append("<h1>NormLab report: how normalization fixes exploding and vanishing gradients, claim by claim</h1>\n");
        sb.append("<p class=\"small\">").append(esc(generated)).append(". Each study trains the same arms with the same seeds and reports medians "
                + "with [min, max] over seeds; verdicts follow explicit rules listed in each section (supported: all required rules hold and no "
                + "qualifier fires; not supported: no required rule holds; nuanced: otherwise). Every number behind every chart is in "
                + "<code>data/</code> as CSV and JSON, every result in <code>results/</code>.</p>\n");
        summary(sb, results);
        int i = 1;
        for (StudyResult r : results) section(sb, i++, r, svgs.getOrDefault(r.id(), Map.of()));
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, List<StudyResult> results) {
        sb.append("<h2 id=\"summary\">Summary</h2>\n<table id=\"summary-table\"><thead><tr><th>#</th><th>study</th><th>claim</th>"
                + "<th>the literature measured</th><th>NormLab measured</th><th>verdict</th></tr></thead><tbody>\n");
        int i = 1;
        for (StudyResult r : results) {
            sb.append("<tr><td>").append(i++).append("</td><td><a href=\"#").append(esc(r.id())).append("\">").append(esc(r.title())).append("</a></td><td>")
                    .append(esc(r.claim().quote())).append("</td><td>");
            for (Literature l : r.literature()) sb.append("<b>").append(esc(l.paper())).append("</b>: ").append(esc(l.figure())).append("<br>");
            sb.append("</td><td>").append(esc(r.headline())).append("</td><td>").append(badge(r.verdict())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static void section(StringBuilder sb, int n, StudyResult r, Map<String, String> svgs) {
        sb.append("<section class=\"study\" id=\"").append(esc(r.id())).append("\">\n<h2>").append(n).append(". ").append(esc(r.title())).append(' ')
                .append(badge(r.verdict())).append("</h2>\n");
        sb.append("<blockquote>").append(esc(r.claim().quote())).append("</blockquote><p class=\"small\">Source: ").append(esc(r.claim().source())).append("</p>\n");
        sb.append("<h3>What the literature measured</h3><ul>");
        for (Literature l : r.literature()) sb.append("<li><b>").append(esc(l.paper())).append("</b>: ").append(esc(l.figure())).append("</li>");
        sb.append("</ul>\n<h3>Setup</h3><p>").append(esc(r.setup())).append("</p>\n<table class=\"config\"><tbody>");
        for (Map.Entry<String, String> e : r.config().entrySet()) {
            sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue())).append("</td></tr>");
        }
        sb.append("</tbody></table>\n<h3>Charts</h3><div class=\"charts\">\n");
        for (Chart c : r.charts()) {
            String base = "data/" + r.id() + "/" + c.id();
            sb.append("<figure class=\"chart\" id=\"").append(esc(r.id() + "-" + c.id())).append("\">").append(svgs.getOrDefault(c.id(), ""))
                    .append("<figcaption>").append(esc(c.caption())).append(" <a href=\"").append(esc(base)).append(".csv\">CSV</a> <a href=\"")
                    .append(esc(base)).append(".json\">JSON</a></figcaption></figure>\n");
        }
        sb.append("</div>\n<h3>Verdict: ").append(badge(r.verdict())).append("</h3><p class=\"explanation\">").append(esc(r.explanation())).append("</p>\n");
        sb.append("<table class=\"checks\"><thead><tr><th>rule</th><th>role</th><th>holds</th><th>measured</th></tr></thead><tbody>");
        for (Check c : r.checks()) {
            sb.append("<tr><td>").append(esc(c.rule())).append("</td><td>").append(c.role() == Check.Role.REQUIRED ? "required" : "qualifier")
                    .append("</td><td class=\"").append(c.holds() ? "holds\">yes" : "fails\">no").append("</td><td>").append(esc(c.evidence())).append("</td></tr>");
        }
        sb.append("</tbody></table>\n<details><summary>All measurements (median [min, max] over seeds)</summary><table class=\"effects\"><thead><tr>"
                + "<th>quantity</th><th>value</th><th>per seed</th></tr></thead><tbody>");
        for (Effect e : r.effects()) {
            sb.append("<tr><td>").append(esc(e.label())).append("</td><td>").append(esc(e.text())).append("</td><td>");
            double[] v = e.perSeed();
            for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(esc(io.normlab.study.Fmt.value(v[i], e.unit())));
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table></details>\n");
        Provenance p = r.provenance();
        sb.append("<p class=\"small\">References: ").append(esc(String.join("; ", r.references()))).append(".<br>Run: ").append(esc(p.mode()))
                .append(" mode, seeds ").append(esc(p.seeds().toString())).append(", ").append(String.format(java.util.Locale.ROOT, "%.1f", p.seconds()))
                .append(" s, NormLab ").append(esc(p.normlabVersion())).append(", Java ").append(esc(p.javaVersion())).append(", ").append(p.threads())
                .append(" thread(s) on ").append(p.processors()).append(" processor(s), ").append(esc(p.kernels())).append(", ").append(esc(p.date()))
                .append(". Result: <a href=\"results/").append(esc(r.id())).append(".json\">JSON</a>, measurements: <a href=\"data/").append(esc(r.id()))
                .append("/effects.csv\">CSV</a>. Reproduce: <code>normlab study run ").append(esc(r.id())).append(p.mode().equals("full") ? " --full" : "")
                .append("</code>.</p>\n</section>\n");
    }

    static String badge(Verdict v) {
        return "<span class=\"verdict v-" + v.label().replace(' ', '-') + "\">" + v.label() + "</span>";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
