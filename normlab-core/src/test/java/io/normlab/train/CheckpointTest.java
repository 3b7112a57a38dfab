package io.normlab.train;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.data.DataLoader;
import io.normlab.nn.Linear;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.optim.Adam;
import io.normlab.optim.Optimizer;
import io.normlab.optim.Sgd;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    /** Hidden width of the child process's model: large enough that a write takes a while. */
    static final int WIDE = 20_000;

    @TempDir
    Path dir;

    static Sequential model(long seed, int hidden) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(5, hidden, rng), new ReLU(), new Linear(hidden, 2, rng));
    }

    static DataLoader loader() {
        return DataLoader.shuffled(TrainerTest.tiny(), 5, 11);
    }

    static List<Tensor> weights(Sequential m) {
        List<Tensor> w = new ArrayList<>();
        for (Var p : m.parameters()) w.add(p.value());
        return w;
    }

    static void assertSameBits(List<Tensor> a, List<Tensor> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            float[] x = a.get(i).data(), y = b.get(i).data();
            for (int k = 0; k < x.length; k++) assertEquals(Float.floatToIntBits(x[k]), Float.floatToIntBits(y[k]), "parameter " + i + " element " + k);
        }
    }

    void resumeMatches(Function<Sequential, Optimizer> optimizer) {
        Sequential straight = model(1, 8);
        Trainer a = new Trainer(straight, optimizer.apply(straight), Trainer.Options.epochs(4));
        List<EpochMetrics> full = a.fit(loader(), TrainerTest.tiny());

        Path file = dir.resolve("ckpt.safetensors");
        Sequential first = model(1, 8);
        Trainer b = new Trainer(first, optimizer.apply(first), Trainer.Options.epochs(2));
        b.addListener(b.checkpointEveryEpoch(file));
        b.fit(loader(), TrainerTest.tiny());

        Sequential resumed = model(99, 8); // other initial weights: all must come from the checkpoint
        Trainer c = new Trainer(resumed, optimizer.apply(resumed), Trainer.Options.epochs(4));
        c.loadCheckpoint(file);
        assertEquals(2, c.epochsDone());
        assertEquals(b.step(), c.step());
        List<EpochMetrics> rest = c.fit(loader(), TrainerTest.tiny());
        assertEquals(2, rest.size());
        assertSameBits(weights(straight), weights(resumed));
        for (int e = 0; e < 2; e++) {
            assertEquals(full.get(e + 2).epoch(), rest.get(e).epoch());
            assertEquals(Double.doubleToLongBits(full.get(e + 2).trainLoss()), Double.doubleToLongBits(rest.get(e).trainLoss()));
            assertEquals(Double.doubleToLongBits(full.get(e + 2).valLoss()), Double.doubleToLongBits(rest.get(e).valLoss()));
        }
    }

    @Test
    void resumeWithSgdMomentumIsBitIdentical() {
        resumeMatches(m -> new Sgd(m.parameters(), Sgd.Config.of(0.05).withMomentum(0.9)));
    }

    @Test
    void resumeWithAdamIsBitIdentical() {
        resumeMatches(m -> new Adam(m.parameters(), Adam.Config.adamW(3e-3)));
    }

    @Test
    void mismatchedCheckpointChangesNothing() {
        Path file = dir.resolve("small.safetensors");
        Sequential small = model(1, 8);
        Trainer t = new Trainer(small, new Adam(small.parameters(), Adam.Config.adam(1e-3)), Trainer.Options.epochs(1));
        t.fit(loader(), null);
        t.saveCheckpoint(file);

        Sequential other = model(2, 9);
        Adam adam = new Adam(other.parameters(), Adam.Config.adam(1e-3));
        Trainer u = new Trainer(other, adam, Trainer.Options.epochs(2));
        u.fit(loader(), null); // one epoch done (options say 2): the optimizer has state now
        List<Tensor> before = new ArrayList<>();
        for (Tensor w : weights(other)) before.add(w.copy());
        var e = assertThrows(IllegalArgumentException.class, () -> u.loadCheckpoint(file));
        assertTrue(e.getMessage().contains("small.safetensors") && e.getMessage().contains("size mismatch"), e.getMessage());
        assertSameBits(before, weights(other));
        assertEquals(2, u.epochsDone());

        Path notCkpt = dir.resolve("weights.safetensors");
        new io.normlab.io.SafeTensorsWriter().put("w", Tensor.zeros(2)).write(notCkpt);
        e = assertThrows(IllegalArgumentException.class, () -> u.loadCheckpoint(notCkpt));
        assertTrue(e.getMessage().contains("not a NormLab checkpoint"), e.getMessage());
    }

    @Test
    @Timeout(180)
    void killedRunNeverLeavesATornCheckpoint() throws Exception {
        Path file = dir.resolve("run.safetensors");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int saves : new int[] {2, 5, 9}) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CheckpointWriterChild.class.getName(), file.toString())
                    .redirectError(dir.resolve("child.err").toFile())
                    .start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < saves && (line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) seen = Integer.parseInt(line.substring(6));
                }
                child.destroyForcibly(); // while it keeps training and writing
                child.waitFor();
            }
            assertTrue(seen >= saves, "child stopped early: " + Files.readString(dir.resolve("child.err")));
            Sequential m = model(3, WIDE);
            Trainer t = new Trainer(m, new Adam(m.parameters(), Adam.Config.adam(1e-3)), Trainer.Options.epochs(1));
            t.loadCheckpoint(file);
            assertTrue(t.epochsDone() >= seen, "checkpoint of epoch " + t.epochsDone() + " older than the last reported " + seen);
            for (Tensor w : weights(m)) assertTrue(w.isFinite());
        }
    }
}
