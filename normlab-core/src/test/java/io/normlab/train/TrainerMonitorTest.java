package io.normlab.train;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.data.DataLoader;
import io.normlab.diagnostics.LayerStats;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.NonFiniteException;
import io.normlab.diagnostics.StepRecord;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.norm.AfterStep;
import io.normlab.optim.Sgd;
import io.normlab.tensor.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Trainer with a diagnostics Monitor, and its after-step constraint hook. */
class TrainerMonitorTest {
    /** Identity layer counting {@link AfterStep} calls and the forward calls seen before each. */
    static final class Constrained extends Module implements AfterStep {
        final List<Integer> forwardsAtAfterStep = new ArrayList<>();
        int forwards;

        @Override
        protected Var compute(Var x) {
            forwards++;
            return x;
        }

        @Override
        public void afterStep() {
            forwardsAtAfterStep.add(forwards);
        }
    }

    static Trainer trainer(Sequential model, int epochs) {
        return new Trainer(model, new Sgd(model.parameters(), Sgd.Config.of(0.1).withMomentum(0.9)), Trainer.Options.epochs(epochs));
    }

    static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(5, 8, rng), new ReLU(), new Linear(8, 2, rng));
    }

    @Test
    void recordsEveryKthStepWithUpdateRatiosAndIgnoresValidation() {
        Sequential model = model(1);
        Trainer t = trainer(model, 3);
        try (Monitor mon = Monitor.attach(model, Monitor.Options.defaults().withEvery(2))) {
            t.setMonitor(mon);
            t.fit(DataLoader.shuffled(TrainerTest.tiny(), 6, 11), TrainerTest.tiny()); // 4 steps per epoch, validation after each
            assertEquals(List.of(0, 2, 4, 6, 8, 10), mon.history().stream().map(StepRecord::step).toList());
            for (StepRecord r : mon.history()) {
                LayerStats first = r.layer("0");
                assertEquals(1, first.calls(), "step " + r.step() + ": the validation forward is not counted");
                assertEquals(6 * 8, first.count());
                assertTrue(first.updateRatio() > 0 && first.updateRatio() < 1, "update/weight " + first.updateRatio());
                assertTrue(first.weightGradNorm() > 0);
            }
            assertEquals(12, mon.step());
        }
    }

    @Test
    void theMonitorDoesNotChangeTheResult() {
        Sequential plain = model(2), watched = model(2);
        trainer(plain, 2).fit(DataLoader.shuffled(TrainerTest.tiny(), 5, 11), null);
        Trainer t = trainer(watched, 2);
        try (Monitor mon = Monitor.attach(watched)) {
            t.setMonitor(mon).fit(DataLoader.shuffled(TrainerTest.tiny(), 5, 11), null);
        }
        CheckpointTest.assertSameBits(CheckpointTest.weights(plain), CheckpointTest.weights(watched));
    }

    @Test
    void aResumedRunContinuesTheMonitorsStepNumberingAndRecordsTheSameRows(@TempDir Path dir) {
        Sequential straight = model(3);
        Trainer a = trainer(straight, 4);
        Monitor ma = Monitor.attach(straight, Monitor.Options.defaults().withEvery(3));
        a.setMonitor(ma).fit(DataLoader.shuffled(TrainerTest.tiny(), 5, 11), null);

        Sequential first = model(3);
        Trainer b = trainer(first, 2);
        b.fit(DataLoader.shuffled(TrainerTest.tiny(), 5, 11), null);
        Path ckpt = dir.resolve("half.safetensors");
        b.saveCheckpoint(ckpt);

        Sequential resumed = model(99);
        Trainer c = trainer(resumed, 4);
        c.loadCheckpoint(ckpt);
        Monitor mc = Monitor.attach(resumed, Monitor.Options.defaults().withEvery(3));
        c.setMonitor(mc).fit(DataLoader.shuffled(TrainerTest.tiny(), 5, 11), null);

        assertEquals(List.of(12, 15, 18), mc.history().stream().map(StepRecord::step).toList());
        List<StepRecord> tail = ma.history().subList(4, 7);
        assertEquals(List.of(12, 15, 18), tail.stream().map(StepRecord::step).toList());
        assertEquals(tail, mc.history(), "same rows, bit for bit, as the uninterrupted run");
    }

    @Test
    void afterStepConstraintsRunAfterEveryOptimizerStep() {
        Constrained c = new Constrained();
        Rng rng = new Rng(4);
        Sequential model = new Sequential(new Linear(5, 4, rng), c, new Linear(4, 2, rng));
        trainer(model, 2).fit(DataLoader.shuffled(TrainerTest.tiny(), 10, 11), TrainerTest.tiny());
        // 3 steps per epoch (10, 10, 4 samples), validation (one forward) after each epoch
        assertEquals(List.of(1, 2, 3, 5, 6, 7), c.forwardsAtAfterStep);
    }

    @Test
    void aNanInsideTheModelIsNamedByLayerAndStepAndItsStepIsKept() {
        int[] calls = {0};
        Rng rng = new Rng(5);
        Module poison = TrainerTest.fn(x -> ++calls[0] == 4 ? x.mul(Float.NaN) : x);
        Sequential model = new Sequential(new Linear(5, 4, rng), new Sigmoid(), new Sequential(poison), new Linear(4, 2, rng));
        Trainer t = trainer(model, 3);
        try (Monitor mon = Monitor.attach(model)) {
            t.setMonitor(mon);
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> t.fit(DataLoader.sequential(TrainerTest.tiny(), 12), null));
            assertEquals(3, e.step());
            assertEquals("2.0", e.layerPath(), e.getMessage());
            assertEquals(NonFiniteException.Phase.FORWARD, e.phase());
            assertTrue(e.getMessage().startsWith("non-finite activation in layer '2.0'"), e.getMessage());
            assertEquals(3, t.step(), "the failed step is not counted");
            StepRecord last = mon.history().get(mon.history().size() - 1);
            assertEquals(3, last.step(), "the failed step's rows are kept");
            assertEquals("2.0", last.nonFinite().layerPath());
        }
    }

    @Test
    void aListenerRemovingTheMonitorMidStepDoesNotHideTheStepsFailure() {
        Sequential model = model(3);
        Trainer t = trainer(model, 1);
        try (Monitor mon = Monitor.attach(model, Monitor.Options.defaults())) {
            t.setMonitor(mon);
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(int step, double loss) {
                    t.setMonitor(null);
                    throw new IllegalStateException("listener failed at step " + step);
                }
            });
            var ex = assertThrows(IllegalStateException.class, () -> t.fit(DataLoader.shuffled(TrainerTest.tiny(), 6, 11), TrainerTest.tiny()));
            assertEquals("listener failed at step 0", ex.getMessage());
        }
    }
}
