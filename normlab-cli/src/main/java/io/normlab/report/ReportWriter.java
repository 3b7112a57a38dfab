package io.normlab.report;

import io.normlab.study.Chart;
import io.normlab.study.StudyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the report directory, one study at a time so that an interrupted run keeps what
 * finished:
 * <pre>
 *   index.html                  the report (rewritten after each study)
 *   results/ID.json             everything a study measured and concluded
 *   data/ID/CHART.csv|.json     the numbers behind each chart
 *   data/ID/effects.csv         the measured quantities, per seed
 * </pre>
 * Every file is written atomically ({@link AtomicFiles}). Results already in the directory from
 * earlier runs of other studies stay in the report (read back from results/), so running one
 * study after "all" updates its section only.
 */
public final class ReportWriter {
    private final Path dir;
    private final Map<String, StudyResult> results = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> svgs = new LinkedHashMap<>();
    private final List<String> order;

    /** @param order study ids in report order */
    public ReportWriter(Path dir, List<String> order) {
        this.dir = dir;
        this.order = List.copyOf(order);
    }

    public Path dir() {
        return dir;
    }

    public Path index() {
        return dir.resolve("index.html");
    }

    /** Loads results/*.json left by earlier runs (unreadable files are skipped with their error returned). */
    public List<String> loadExisting() {
        List<String> problems = new ArrayList<>();
        Path res = dir.resolve("results");
        if (!Files.isDirectory(res)) return problems;
        try (Stream<Path> files = Files.list(res)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    StudyResult r = ResultJson.read(f);
                    if (order.contains(r.id())) add(r);
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + res + ": " + e.getMessage(), e);
        }
        return problems;
    }

    /** Writes a finished study's files and the updated index. */
    public void write(StudyResult r) {
        add(r);
        AtomicFiles.write(dir.resolve("results").resolve(r.id() + ".json"), ResultJson.write(r));
        Path data = dir.resolve("data").resolve(r.id());
        for (Chart c : r.charts()) {
            AtomicFiles.write(data.resolve(c.id() + ".csv"), Csv.of(c));
            AtomicFiles.write(data.resolve(c.id() + ".json"), ResultJson.write(c));
        }
        AtomicFiles.write(data.resolve("effects.csv"), Csv.effects(r));
        writeIndex();
    }

    /** Rewrites index.html from the results held. */
    public void writeIndex() {
        List<StudyResult> sorted = new ArrayList<>(results.values());
        sorted.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
        String generated = "Generated " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " by NormLab; "
                + sorted.size() + " of " + order.size() + " studies";
        AtomicFiles.write(index(), HtmlReport.render(sorted, svgs, generated));
    }

    private void add(StudyResult r) {
        results.put(r.id(), r);
        Map<String, String> charts = new LinkedHashMap<>();
        int i = 0;
        for (Chart c : r.charts()) charts.put(c.id(), ChartSvg.render(c, r.id().replaceAll("[^a-z0-9]", "") + (i++) + "-"));
        svgs.put(r.id(), charts);
    }
}
