package io.normlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.report.ResultJson;
import io.normlab.study.Studies;
import io.normlab.study.StudyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
    @Test
    void listNamesEveryStudyWithItsClaim() {
        MainTest.Run r = MainTest.run("study", "list");
        assertEquals(0, r.exit(), r.err());
        for (String id : Studies.ids()) assertTrue(r.out().contains(id + " "), id + " missing:\n" + r.out());
        assertEquals(9, Studies.ids().size());
        assertTrue(r.out().contains("claim: \"A classic study using Batch Normalization demonstrated a 30% reduction"), r.out());
    }

    @Test
    void unknownStudyIsAUsageErrorListingTheValidOnes() {
        MainTest.Run r = MainTest.run("study", "run", "vanishin");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown study 'vanishin'; choose from all, vanishing, exploding"), r.err());
    }

    @Test
    void quickAndFullAreExclusiveAndSeedsMustDiffer() {
        assertEquals(2, MainTest.run("study", "run", "inputs", "--quick", "--full").exit());
        MainTest.Run r = MainTest.run("study", "run", "inputs", "--seeds", "1,1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("seeds must be distinct"), r.err());
    }

    @Test
    void runWritesResultsDataAndReportAndPrintsTheVerdict(@TempDir Path dir) throws Exception {
        MainTest.Run r = MainTest.run("study", "run", "inputs", "--seeds", "1,2", "--threads", "2", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "no progress bars without a terminal");
        StudyResult result = ResultJson.read(dir.resolve("results/inputs.json"));
        assertTrue(r.out().contains("[1/1] inputs") && r.out().contains(result.verdict().label()), r.out());
        assertEquals(java.util.List.of(1L, 2L), result.provenance().seeds());
        assertEquals("quick", result.provenance().mode());
        assertFalse(result.checks().isEmpty());
        assertTrue(Files.readString(dir.resolve("index.html")).contains("id=\"summary-table\""));
        assertTrue(Files.exists(dir.resolve("data/inputs/accuracy.csv")) && Files.exists(dir.resolve("data/inputs/effects.csv")));
    }
}
