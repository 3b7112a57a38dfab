package io.normlab.cli;

import static io.normlab.cli.MainTest.assertUsageError;
import static io.normlab.cli.MainTest.concat;
import static io.normlab.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.cli.MainTest.Run;
import io.normlab.io.Json;
import io.normlab.io.SafeTensorsWriter;
import io.normlab.models.Activation;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.tensor.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code normlab diagnose}: the D workloads of WORKLOADS.md at reduced width (64) and seeds (3), so the tests stay fast. */
class DiagnoseCommandTest {
    static final String[] NET = {"diagnose", "--depth", "20", "--width", "64", "--seeds", "3", "--threads", "1"};
    static final String[] SMALL = concat(NET, "--batch-size", "64");
    static final String[] LINEAR_GAIN_1_5 = {"--activation", "identity", "--init", "scaled-normal", "--gain", "1.5", "--zero-bias"};

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Run r) {
        assertEquals(0, r.exit(), r.err());
        return (Map<String, Object>) Json.parse(r.out());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> report) {
        return (Map<String, Object>) report.get("summary");
    }

    @SuppressWarnings("unchecked")
    static double median(Map<String, Object> report, String quantity) {
        return ((Number) ((Map<String, Object>) summary(report).get(quantity)).get("median")).doubleValue();
    }

    @Test
    void vanishSigmoidIsVanishingInTextAndJson() {
        Run text = run(concat(SMALL, "--activation", "sigmoid"));
        assertEquals(0, text.exit(), text.err());
        assertEquals("", text.err());
        for (String part : List.of("Per-layer statistics (seed 0, step 0)", "act mean", "act std", "sat", "dead", "||dL/dy||", "||dL/dW||",
                "Hidden layers", "activation gradient ||dL/dh_1|| / ||dL/dh_L||:", "weight gradient     ||dL/dW_1|| / ||dL/dW_L||:",
                "Verdict: VANISHING", "(per seed: {VANISHING=3}", "put BatchNorm before", "seeds: [0, 1, 2]")) {
            assertTrue(text.out().contains(part), part + " missing from:\n" + text.out());
        }
        Map<String, Object> report = json(run(concat(SMALL, "--activation", "sigmoid", "--json")));
        assertEquals("VANISHING", summary(report).get("verdict"));
        assertTrue(median(report, "actGradRatio") < 1e-10, "act-grad ratio " + median(report, "actGradRatio"));
        assertTrue(median(report, "weightGradRatio") < 1e-10);
        assertEquals(3, ((List<?>) report.get("runs")).size());
        assertTrue(text.out().contains(String.format(java.util.Locale.ROOT, "%.3g", median(report, "growthFactor"))), "text and JSON agree");
    }

    @Test
    void vanishSigmoidWithBatchNormIsNotVanishing() {
        Map<String, Object> report = json(run(concat(SMALL, "--activation", "sigmoid", "--norm", "batch", "--json")));
        assertEquals("HEALTHY", summary(report).get("verdict"));
        double ratio = median(report, "actGradRatio");
        assertTrue(ratio > 0.1 && ratio < 10, "act-grad ratio " + ratio);
    }

    @Test
    void explodeLinearIsExplodingWhileItsWeightGradientRatioLooksFlat() {
        Map<String, Object> report = json(run(concat(concat(SMALL, LINEAR_GAIN_1_5), "--json")));
        assertEquals("EXPLODING", summary(report).get("verdict"));
        assertEquals(1.5, median(report, "growthFactor"), 0.05, "each hidden layer multiplies the backward signal by the gain");
        double w = median(report, "weightGradRatio");
        assertTrue(w > 0.1 && w < 10, "weight-gradient ratio " + w);
        assertTrue(((String) ((Map<?, ?>) report.get("config")).get("model")).contains("scaled_normal(gain=1.5), zero hidden bias"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void explodeLinearBatchNormGrowsAsTheBatchShrinksAndFasterWithRelu() {
        String[] sweep = concat(concat(NET, LINEAR_GAIN_1_5), "--norm", "batch", "--batch-size", "64,8,4", "--json");
        List<Map<String, Object>> linear = (List<Map<String, Object>>) json(run(sweep)).get("sweep");
        assertEquals(List.of(64L, 8L, 4L), linear.stream().map(e -> e.get("batchSize")).toList());
        double g64 = median((Map<String, Object>) linear.get(0).get("report"), "growthFactor");
        double g8 = median((Map<String, Object>) linear.get(1).get("report"), "growthFactor");
        double g4 = median((Map<String, Object>) linear.get(2).get("report"), "growthFactor");
        assertTrue(g64 < 1.05 && g64 < g8 && g8 < g4 && g4 > 1.15, "growth per layer at batch 64, 8, 4: " + g64 + ", " + g8 + ", " + g4);
        assertEquals(Math.sqrt(2), (Double) linear.get(2).get("yangFactor"), 1e-12, "sqrt((B-2)/(B-3)) at B = 4");

        sweep[java.util.Arrays.asList(sweep).indexOf("identity")] = "relu";
        List<Map<String, Object>> relu = (List<Map<String, Object>>) json(run(sweep)).get("sweep");
        double r64 = median((Map<String, Object>) relu.get(0).get("report"), "growthFactor");
        assertTrue(r64 > 1.15, "ReLU + BN grows even at batch 64: " + r64);
        assertNull(relu.get(0).get("yangFactor"), "the linear formula is not shown for ReLU");

        Run text = run(java.util.Arrays.copyOf(sweep, sweep.length - 1));
        assertTrue(text.out().contains("=== batch size 4 ===") && text.out().contains("Batch-size sweep (median [min, max] over 3 seeds)"), text.out());
    }

    @Test
    void seedListBundledDataAndOutFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("d/report.json");
        Run r = run("diagnose", "--data", "wine", "--hidden", "8", "--seed-list", "3,5", "--batch-size", "32", "--json", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("diagnosis written to " + out + " (verdict HEALTHY)\n", r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(out));
        assertEquals(List.of(3L, 5L), report.get("seeds"));
        assertTrue(((String) ((Map<?, ?>) report.get("config")).get("model")).startsWith("MLP(13 -> [8] -> 3"), "inputs and classes from the data");
    }

    @Test
    void loadsAStateDictOrACheckpointAndNamesAMismatch(@TempDir Path dir) {
        MlpSpec spec = MlpSpec.of(13, 2, 6, 3, Activation.TANH, NormKind.BATCH);
        Path weights = dir.resolve("w.safetensors");
        new SafeTensorsWriter().putAll(spec.build(new Rng(42)).stateDict()).write(weights);
        String[] flags = {"diagnose", "--data", "wine", "--hidden", "6,6", "--activation", "tanh", "--norm", "batch", "--seeds", "2", "--batch-size", "16"};
        Run r = run(concat(flags, "--model", weights.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("weights: loaded from " + weights), r.out());

        Path ckpt = dir.resolve("run.safetensors");
        Run t = run("train", "--data", "wine", "--hidden", "6,6", "--activation", "tanh", "--norm", "batch", "--epochs", "1", "--checkpoint", ckpt.toString());
        assertEquals(0, t.exit(), t.err());
        assertEquals(0, run(concat(flags, "--model", ckpt.toString())).exit(), "a training checkpoint's model part loads too");

        Run bad = run("diagnose", "--data", "wine", "--hidden", "7,6", "--activation", "tanh", "--norm", "batch", "--model", weights.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("normlab diagnose: error: --model " + weights + " does not fit MLP(13 -> [7, 6] -> 3"), bad.err());
        assertTrue(bad.err().contains("size mismatch for '0.weight': expected [7, 13], got [6, 13]"), bad.err());
    }

    @Test
    void helpListsTheFlags() {
        assertTrue(run("--help").out().contains("diagnose"));
        Run help = run("diagnose", "--help");
        assertEquals(0, help.exit());
        for (String flag : List.of("--inputs", "--depth", "--width", "--hidden", "--classes", "--activation", "--norm", "--init", "--gain",
                "--zero-bias", "--batch-size", "--data", "--seeds", "--seed-list", "--model", "--json", "--out", "--threads", "scaled-normal")) {
            assertTrue(help.out().contains(flag), flag + " missing from:\n" + help.out());
        }
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertUsageError(run("diagnose", "--gain", "2"), "--gain applies to --init scaled-normal only");
        assertUsageError(run("diagnose", "--width", "64"), "--width needs --depth");
        assertUsageError(run("diagnose", "--depth", "3", "--hidden", "4"), "--hidden and --depth are alternatives");
        assertUsageError(run("diagnose", "--seeds", "0"), "--seeds");
        assertUsageError(run("diagnose", "--seeds", "2", "--seed-list", "1"), "--seeds and --seed-list are alternatives");
        assertUsageError(run("diagnose", "--data", "mnist"), "expected random or one of [digits, breast-cancer, wine]");
        assertUsageError(run("diagnose", "--data", "wine", "--inputs", "5"), "--data wine has 13 inputs and 3 classes");
        assertUsageError(run("diagnose", "--batch-size", "0"), "--batch-size");
        assertUsageError(run("diagnose", "--data", "wine", "--batch-size", "500"), "expected 1..178 but was 500");
        assertUsageError(run("diagnose", "--init", "he"), "expected one of torch-default, xavier-uniform, xavier-normal, kaiming-uniform, kaiming-normal, orthogonal, scaled-normal");
    }
}
