package io.normlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code normlab bench}: table and JSON output, workload selection, errors (no timings are asserted). */
class BenchCommandTest {
    @Test
    void jsonListsEveryRunWithItsRateAndMemory() {
        MainTest.Run r = MainTest.run("bench", "gemm-256", "ln", "--threads", "1,2", "--reps", "5", "--warmup", "0", "--json");
        assertEquals(0, r.exit(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        assertTrue(String.valueOf(json.get("kernels")).contains("Vector API"), "Maven runs the tests with the incubator module: " + json);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
        assertEquals(4, results.size());
        assertEquals("gemm-256", results.get(0).get("workload"));
        assertEquals("GFLOP/s", results.get(0).get("unit"));
        assertEquals("ln", results.get(2).get("workload"));
        assertEquals("GB/s", results.get(2).get("unit"));
        for (Map<String, Object> res : results) {
            assertTrue(((Number) res.get("reps")).intValue() >= 5, res.toString());
            assertTrue(((Number) res.get("rate")).doubleValue() > 0, res.toString());
            assertTrue(((Number) res.get("peak_heap_bytes")).longValue() > 0, res.toString());
        }
        assertEquals(List.of(1, 2, 1, 2), results.stream().map(m -> ((Number) m.get("threads")).intValue()).toList());
    }

    @Test
    void tablePrintsTheKernelLineAndOneRowPerRun() {
        MainTest.Run r = MainTest.run("bench", "stream-copy", "cnn-small-gn", "--threads", "1", "--reps", "5", "--warmup", "0");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("kernels: "), r.out());
        assertTrue(lines[1].startsWith("workload"), r.out());
        assertTrue(lines[2].startsWith("stream-copy") && lines[2].contains("GB/s"), r.out());
        assertTrue(lines[3].startsWith("cnn-small-gn") && lines[3].contains("steps/s"), r.out());
        assertEquals(4, lines.length, r.out());
    }

    @Test
    void unknownWorkloadsAndBadOptionsAreRejected() {
        MainTest.Run r = MainTest.run("bench", "gemm-3");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("unknown workload 'gemm-3'") && r.err().contains("gemm-1024"), r.err());
        r = MainTest.run("bench", "gemm-256", "--reps", "2");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("--reps"), r.err());
        r = MainTest.run("bench", "gemm-256", "--threads", "0");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("--threads"), r.err());
    }
}
