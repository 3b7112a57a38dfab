package io.normlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static double finalAccuracy(Run r) {
        Matcher m = Pattern.compile("final validation accuracy: ([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), "no final accuracy in:\n" + r.out() + r.err());
        return Double.parseDouble(m.group(1)) / 100;
    }

    /** The per-epoch lines without their wall time. */
    static List<String> epochLines(Run r) {
        return Arrays.stream(r.out().split("\n"))
                .filter(l -> l.matches("\\s+\\d+\\s+.*%.*"))
                .map(l -> l.replaceAll("\\s+[0-9.]+ s$", ""))
                .collect(Collectors.toList());
    }

    @Test
    void trainOnDigitsWithDefaultsReachesNinetyFivePercent() {
        Run r = run("train", "--data", "digits");
        assertEquals(0, r.exit(), r.err());
        assertTrue(finalAccuracy(r) >= 0.95, r.out());
        assertEquals(15, epochLines(r).size(), r.out());
        assertTrue(r.out().contains("Alpaydin"), "prints the provenance");
        assertTrue(r.out().contains("1438 train / 359 validation"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void sameSeedSameMetricsWithOneOrTwoThreads() {
        String[] args = {"train", "--data", "wine", "--hidden", "16", "--epochs", "3", "--optimizer", "sgd", "--lr", "0.05", "--seed", "3"};
        Run one = run(concat(args, "--threads", "1")), two = run(concat(args, "--threads", "2"));
        assertEquals(0, one.exit(), one.err());
        assertEquals(3, epochLines(one).size());
        assertEquals(epochLines(one), epochLines(two));
        Run otherSeed = run(concat(Arrays.copyOf(args, args.length - 1), "4", "--threads", "1"));
        assertNotEquals(epochLines(one), epochLines(otherSeed));
    }

    @Test
    void unstandardizedBreastCancerGetsAScaleWarning() {
        Run r = run("train", "--data", "breast-cancer", "--no-standardize", "--epochs", "1", "--hidden", "8", "--activation", "tanh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("warning: feature scales differ by a factor of"), r.out());
        assertTrue(r.out().contains("not standardized"), r.out());
        Run s = run("train", "--data", "breast-cancer", "--epochs", "1", "--hidden", "8", "--activation", "sigmoid");
        assertFalse(s.out().contains("warning"), s.out());
        assertTrue(s.out().contains("raw feature scales differ"), s.out());
    }

    @Test
    void everyActivationAndOptimizerRuns() {
        for (String act : List.of("relu", "tanh", "sigmoid", "gelu")) {
            for (String opt : List.of("sgd", "adam", "adamw")) {
                Run r = run("train", "--data", "wine", "--hidden", "4,4", "--epochs", "1", "--activation", act, "--optimizer", opt);
                assertEquals(0, r.exit(), act + "/" + opt + ": " + r.err());
                assertTrue(r.out().contains("): " + Map.of("relu", "ReLU", "tanh", "Tanh", "sigmoid", "Sigmoid", "gelu", "GELU").get(act) + "()"), r.out());
                assertTrue(r.out().contains("training: " + opt + " (lr"), r.out());
            }
        }
    }

    @Test
    void trainsOnAUserCsvFileAndReportsMalformedLines(@TempDir Path dir) throws IOException {
        // two well-separated blobs of 40 points each, label column "kind" in the middle
        StringBuilder csv = new StringBuilder("x,kind,y\n");
        for (int i = 0; i < 80; i++) {
            double c = i % 2 == 0 ? -3 : 3;
            csv.append(c + Math.sin(i) * 0.5).append(',').append(i % 2 == 0 ? "left" : "right").append(',').append(c + Math.cos(i) * 0.5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("blobs.csv"), csv);
        Run r = run("train", "--data", file.toString(), "--label", "kind", "--hidden", "8", "--epochs", "20", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("80 samples of 2 features, 2 classes"), r.out());
        assertEquals(1.0, finalAccuracy(r), 0.0, r.out());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2,0\n3,x,1\n");
        Run b = run("train", "--data", bad.toString());
        assertEquals(1, b.exit());
        assertTrue(b.err().contains("normlab train: error: " + bad + ":2: expected a number in column 2, found 'x'"), b.err());
        assertEquals("", b.out(), "nothing is printed before the data is loaded");

        assertUsageError(run("train", "--data", "wine", "--label", "3"), "--label and --header apply to CSV files only");
        assertUsageError(run("train", "--data", file.toString(), "--label", "kind", "--no-header"), "needs a header line");
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("train"), help.out());
        Run trainHelp = run("train", "--help");
        for (String flag : List.of("--data", "--hidden", "--activation", "--norm", "--epochs", "--batch-size", "--lr",
                "--optimizer", "--momentum", "--seed", "--threads", "--[no-]standardize", "--val-fraction")) {
            assertTrue(trainHelp.out().contains(flag), flag + " missing from:\n" + trainHelp.out());
        }
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("normlab 0."), version.out());
        assertFalse(version.out().contains("${"), "version resource is filtered: " + version.out());
    }

    @Test
    void badFlagsAreUsageErrors() {
        Run selu = run("train", "--activation", "selu");
        assertUsageError(selu, "expected one of [relu, tanh, sigmoid, gelu, leaky_relu, identity]");
        assertTrue(selu.err().contains("Usage: normlab train"), selu.err());
        assertUsageError(run("train", "--norm", "instance"), "expected one of [none, batch, layer, group, rms, renorm]");
        assertUsageError(run("train", "--data", "mnist"), "expected one of [digits, breast-cancer, wine] or a .csv/.csv.gz file");
        assertUsageError(run("train", "--epochs", "0"), "--epochs");
        assertUsageError(run("train", "--val-fraction", "1.5"), "--val-fraction");
        assertUsageError(run("train", "--hidden", "64,0"), "--hidden");
        assertUsageError(run("train", "--lr", "-1"), "--lr");
        assertUsageError(run("train", "--optimizer", "adam", "--momentum", "0.9"), "--momentum applies to --optimizer sgd only");
        assertUsageError(run("train", "--threads", "0"), "--threads");
        assertUsageError(run("train", "--batch-size", "x"), "--batch-size");
        assertUsageError(run("train", "--no-such-flag"), "Unknown option");
        assertUsageError(run(), "Missing required subcommand");
    }

    @Test
    void divergenceWithoutTheMonitorIsAnErrorNamingTheLossAndStep() {
        Run r = run("train", "--optimizer", "sgd", "--lr", "1e10", "--epochs", "2", "--hidden", "16", "--no-monitor");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().matches("normlab train: error: non-finite loss \\((NaN|Infinity)\\) at step \\d+, forward: training diverged in epoch 0 .*\n"), r.err());
    }

    static void assertUsageError(Run r, String expected) {
        assertEquals(2, r.exit(), "exit code for: " + r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in:\n" + r.err());
        assertEquals("", r.out(), "nothing runs");
    }

    static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
