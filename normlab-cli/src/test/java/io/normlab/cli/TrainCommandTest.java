package io.normlab.cli;

import static io.normlab.cli.MainTest.assertUsageError;
import static io.normlab.cli.MainTest.concat;
import static io.normlab.cli.MainTest.epochLines;
import static io.normlab.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.cli.MainTest.Run;
import io.normlab.io.Json;
import io.normlab.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code normlab train}'s monitor, record, checkpoint/resume and progress output. */
class TrainCommandTest {
    /** wine: 142 training samples, batch 32: 5 steps per epoch. */
    static final String[] WINE = {"train", "--data", "wine", "--hidden", "16,8", "--optimizer", "sgd", "--lr", "0.05", "--threads", "1"};

    @Test
    @SuppressWarnings("unchecked")
    void recordJsonHasEveryRecordedStepWithPerLayerRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        Run r = run(concat(WINE, "--epochs", "3", "--record", file.toString(), "--record-every", "2"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("       grad health (step ")).count(), r.out());
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file));
        assertEquals("normlab-monitor-record/1", root.get("format"));
        assertEquals("2", ((Map<String, Object>) root.get("config")).get("record every"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) root.get("steps");
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L), steps.stream().map(s -> s.get("step")).toList(), "15 steps, every 2nd");
        for (Map<String, Object> s : steps) {
            List<Map<String, Object>> layers = (List<Map<String, Object>>) s.get("layers");
            assertEquals(List.of("Linear", "ReLU", "Linear", "ReLU", "Linear"), layers.stream().map(l -> l.get("type")).toList());
            Map<String, Object> first = layers.get(0);
            for (String k : List.of("actMean", "actStd", "actGradNorm", "weightNorm", "weightGradNorm", "updateRatio")) {
                assertTrue(first.get(k) instanceof Double, k + " = " + first.get(k));
            }
            assertTrue(layers.get(1).get("deadFraction") instanceof Number);
            assertNotNull(s.get("verdict"));
        }
    }

    @Test
    void recordCsvHasOneLinePerStepAndLayer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.csv");
        Run r = run(concat(WINE, "--epochs", "2", "--record", file.toString()));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("step,layer,type,kind,"), lines.get(0));
        assertEquals(1 + 2 * 5, lines.size(), "default: every 5th step (the steps per epoch), 5 rows each");
        assertTrue(lines.get(1).startsWith("0,0,Linear,WEIGHT,1,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("5,0,Linear,"), lines.get(6));
        assertUsageError(run(concat(WINE, "--record", dir.resolve("run.txt").toString())), "expected a .json or .csv file");
        assertUsageError(run(concat(WINE, "--record", file.toString(), "--no-monitor")), "--record needs the monitor");
        assertUsageError(run(concat(WINE, "--record-every", "0")), "--record-every");
    }

    @Test
    void resumeContinuesBitIdenticallyToAnUninterruptedRun(@TempDir Path dir) {
        Path straight = dir.resolve("straight.safetensors"), halves = dir.resolve("halves.safetensors");
        String[] flags = concat(WINE, "--norm", "batch", "--seed", "4");
        Run a = run(concat(flags, "--epochs", "4", "--checkpoint", straight.toString()));
        Run b1 = run(concat(flags, "--epochs", "2", "--checkpoint", halves.toString()));
        Run b2 = run(concat(flags, "--epochs", "4", "--resume", halves.toString(), "--checkpoint", halves.toString()));
        for (Run r : List.of(a, b1, b2)) assertEquals(0, r.exit(), r.err());
        assertTrue(b2.out().contains("resumed from " + halves + ": 2 epochs (10 steps) done"), b2.out());
        assertEquals(epochLines(a).subList(0, 2), epochLines(b1));
        assertEquals(epochLines(a).subList(2, 4), epochLines(b2));
        assertEquals(healthLines(a).subList(2, 4), healthLines(b2), "the monitor continues the step numbering");
        SafeTensors x = SafeTensors.read(straight), y = SafeTensors.read(halves);
        assertEquals(x.names(), y.names());
        for (String name : x.names()) {
            assertArrayEquals(x.tensor(name).data(), y.tensor(name).data(), name);
        }
        Run wrong = run(concat(WINE, "--hidden", "16", "--epochs", "4", "--resume", halves.toString()));
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().startsWith("normlab train: error: " + halves + ": checkpoint does not fit this model"), wrong.err());
    }

    static List<String> healthLines(Run r) {
        return r.out().lines().filter(l -> l.contains("grad health")).toList();
    }

    @Test
    void progressBarOnlyWhenForcedOrOnATerminal() {
        Run plain = run(concat(WINE, "--epochs", "2"));
        assertEquals(0, plain.exit(), plain.err());
        assertFalse(plain.out().contains("\r"), "tests run without a console: no bar");
        Run forced = run(concat(WINE, "--epochs", "2", "--progress"));
        assertTrue(forced.out().contains("\repoch 1/2 [") && forced.out().contains("5/5 steps  loss "), forced.out());
        String shown = forced.out().lines().map(l -> l.substring(l.lastIndexOf('\r') + 1) + "\n").reduce("", String::concat);
        assertEquals(epochLines(plain), epochLines(new Run(0, shown, "")), "the bar is erased before each epoch line");
        assertFalse(run(concat(WINE, "--epochs", "1", "--no-progress")).out().contains("\r"));
    }

    @Test
    void aBlowUpIsOneErrorLineNamingTheLayerAndStep(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("blowup.json");
        Run r = run("train", "--data", "digits", "--activation", "relu", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "2", "--threads", "1",
                "--record", file.toString(), "--record-every", "1");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().matches("normlab train: error: non-finite \\w+( \\w+)? in layer '\\d+' \\((Linear|ReLU)\\) at step \\d+, (forward|backward|update): [^\\n]*\\n"), r.err());
        String step = r.err().replaceAll("(?s).* at step (\\d+),.*", "$1");
        String record = Files.readString(file);
        assertTrue(record.contains("\"stopped by\":\"non-finite"), "the record keeps the error");
        assertTrue(record.contains("\"nonFinite\":{\"layerPath\":"), "and the failed step with its first NaN");
        assertTrue(record.contains("\"step\":" + step + ",\"verdict\":\"NON_FINITE\""), record.substring(Math.max(0, record.length() - 400)));
    }

    @Test
    void recurrentNetsReportTheGradientThroughTime() {
        Run r = run("train", "--arch", "rnn", "--epochs", "1", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*grad health \\(step \\d+\\): \\w+  through time 'h' first/last [0-9.e+-]+, factor [0-9.e+-]+/step\n.*"), r.out());
        assertUsageError(run("train", "--arch", "lstm", "--init", "xavier-normal"), "--init, --gain, --zero-bias, --depth and --width apply to --arch mlp only");
    }

    @Test
    void initFlagsReachTheModel() {
        Run r = run("train", "--data", "wine", "--epochs", "1", "--depth", "3", "--width", "8", "--init", "kaiming-normal", "--zero-bias");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("hidden layers: weights kaiming_normal(a=0.0, FAN_IN, relu), biases 0"), r.out());
        assertEquals(3 + 1, Arrays.stream(r.out().split("\n")).filter(l -> l.contains("Linear(in=")).count());
    }
}
