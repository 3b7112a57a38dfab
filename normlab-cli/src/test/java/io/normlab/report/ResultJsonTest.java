package io.normlab.report;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.study.StudyResult;
import io.normlab.study.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
    @Test
    void roundTripKeepsEveryFieldAndNaN(@TempDir Path dir) {
        StudyResult r = Fixtures.result("x", Verdict.NUANCED);
        Path f = dir.resolve("x.json");
        AtomicFiles.write(f, ResultJson.write(r));
        StudyResult back = ResultJson.read(f);
        assertEquals(ResultJson.write(r), ResultJson.write(back));
        assertTrue(Double.isNaN(back.effect("ratio").perSeed()[2]));
        assertEquals(Verdict.NUANCED, back.verdict());
        assertEquals(List.of("depth", "optimizer"), List.copyOf(back.config().keySet()), "setting order kept");
    }

    @Test
    void csvHasOneRowPerPointAndQuotesLabels() {
        StudyResult r = Fixtures.result("x", Verdict.SUPPORTED);
        String lines = Csv.of(r.charts().get(0));
        assertEquals("series,hidden layer l,median,min,max", lines.lines().findFirst().orElseThrow());
        assertEquals(1 + 10, lines.lines().count());
        assertTrue(lines.contains("BatchNorm,1.00000,0.900000,,"), lines);
        String heat = Csv.of(r.charts().get(1));
        assertEquals(1 + 15, heat.lines().count());
        assertTrue(heat.contains("0.00000,1.00000,\n"), "NaN cell left empty:\n" + heat);
        String effects = Csv.effects(r);
        assertTrue(effects.startsWith("id,label,unit,median,min,max,seed_1,seed_2,seed_3\n"), effects);
        assertTrue(effects.contains("\"validation accuracy, with a comma\""), effects);
    }

    @Test
    void writerKeepsEarlierResultsAndWritesAtomically(@TempDir Path dir) throws Exception {
        ReportWriter first = new ReportWriter(dir, List.of("a", "b"));
        first.write(Fixtures.result("a", Verdict.SUPPORTED));
        ReportWriter second = new ReportWriter(dir, List.of("a", "b"));
        assertEquals(List.of(), second.loadExisting());
        second.write(Fixtures.result("b", Verdict.NOT_SUPPORTED));
        String html = Files.readString(second.index());
        assertTrue(html.indexOf("id=\"a\"") > 0 && html.indexOf("id=\"a\"") < html.indexOf("id=\"b\""), "both studies, in order");
        assertTrue(Files.exists(dir.resolve("data/b/profile.csv")) && Files.exists(dir.resolve("data/b/heat.json")));
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary files left");
        }
    }
}
