package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.io.Json;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorRecordTest {
    /** Two recorded steps of a 2-hidden-layer ReLU net (no optimizer: update ratios are NaN). */
    static List<StepRecord> twoSteps() {
        Rng rng = new Rng(7);
        Sequential net = Nets.mlp(6, 2, 5, 3, null, ReLU::new, rng);
        try (Monitor mon = Monitor.attach(net)) {
            for (int s = 0; s < 2; s++) {
                Nets.forwardBackward(net, Tensor.randn(rng, 4, 6), Nets.labels(rng, 4, 3));
                mon.endStep();
            }
            return List.copyOf(mon.history());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasEveryStepWithItsRowsAndDiagnosis(@TempDir Path dir) throws IOException {
        List<StepRecord> steps = twoSteps();
        Path file = dir.resolve("sub/record.json");
        MonitorRecord.write(file, Map.of("model", "mlp"), steps);
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file));
        assertEquals(MonitorRecord.FORMAT, root.get("format"));
        assertEquals(Map.of("model", "mlp"), root.get("config"));
        List<Map<String, Object>> js = (List<Map<String, Object>>) root.get("steps");
        assertEquals(2, js.size());
        assertEquals(1L, js.get(1).get("step"));
        List<Map<String, Object>> layers = (List<Map<String, Object>>) js.get(1).get("layers");
        assertEquals(steps.get(1).layers().size(), layers.size());
        assertEquals("0", layers.get(0).get("path"));
        assertEquals(steps.get(1).layers().get(0).actGradNorm(), (Double) layers.get(0).get("actGradNorm"), 0.0);
        assertNull(layers.get(0).get("updateRatio"), "NaN is written as null");
        assertEquals(Diagnoser.diagnose(steps.get(1)).verdict().name(), js.get(1).get("verdict"));
        assertEquals(2, ((List<?>) js.get(1).get("hidden")).size());
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void csvHasOneLinePerStepAndLayer(@TempDir Path dir) throws IOException {
        List<StepRecord> steps = twoSteps();
        Path file = dir.resolve("record.csv");
        MonitorRecord.write(file, Map.of(), steps);
        List<String> lines = Files.readAllLines(file);
        int rows = steps.get(0).layers().size() + steps.get(1).layers().size();
        assertEquals(1 + rows, lines.size());
        assertEquals(MonitorRecord.CSV_HEADER, lines.get(0));
        String[] f = lines.get(1).split(",", -1);
        assertEquals(14, f.length, lines.get(1));
        assertEquals("0", f[0]);
        assertEquals("Linear", f[2]);
        assertEquals(steps.get(0).layers().get(0).weightNorm(), Double.parseDouble(f[10]), 0.0);
        assertEquals("", f[12], "NaN update ratio is an empty field");
        assertThrows(IllegalArgumentException.class, () -> MonitorRecord.write(dir.resolve("record.txt"), Map.of(), steps));
        assertFalse(Files.exists(dir.resolve("record.txt")));
    }
}
