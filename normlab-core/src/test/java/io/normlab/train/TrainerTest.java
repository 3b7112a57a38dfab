package io.normlab.train;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradMode;
import io.normlab.autograd.Var;
import io.normlab.data.BundledData;
import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.data.Standardizer;
import io.normlab.data.TrainValSplit;
import io.normlab.diagnostics.NonFiniteException;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.optim.Adam;
import io.normlab.optim.LrSchedule;
import io.normlab.optim.Sgd;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** A parameter-free module applying {@code f}. */
    static Module fn(UnaryOperator<Var> f) {
        return new Module() {
            @Override protected Var compute(Var x) { return f.apply(x); }
        };
    }

    static Sequential mlp(Rng rng, int in, int hidden, int classes) {
        return new Sequential(new Linear(in, hidden, rng), new ReLU(), new Linear(hidden, classes, rng));
    }

    static TrainValSplit digits() {
        TrainValSplit s = TrainValSplit.stratified(BundledData.digits(), 0.2, 1);
        Standardizer st = Standardizer.fit(s.train());
        return new TrainValSplit(st.apply(s.train()), st.apply(s.validation()));
    }

    static Dataset tiny() {
        Rng rng = new Rng(9);
        Tensor x = Tensor.randn(rng, 24, 5);
        int[] y = new int[24];
        for (int i = 0; i < 24; i++) y[i] = x.get(i, 0) > 0 ? 1 : 0;
        return new Dataset(x, y, List.of("neg", "pos"), "tiny synthetic");
    }

    @Test
    void mlpReachesNinetyFivePercentOnDigits() {
        TrainValSplit data = digits();
        Sequential model = mlp(new Rng(1), 64, 64, 10);
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), Adam.Config.adam(2e-3)), Trainer.Options.epochs(8));
        List<EpochMetrics> history = trainer.fit(DataLoader.shuffled(data.train(), 32, 1), data.validation());
        EpochMetrics last = history.get(history.size() - 1);
        assertEquals(8, history.size());
        assertTrue(last.valAccuracy() >= 0.95, "validation accuracy " + last.valAccuracy());
        assertTrue(last.trainLoss() < history.get(0).trainLoss());
        assertEquals(8 * ((data.train().size() + 31) / 32), last.steps());
        Evaluation again = trainer.evaluate(data.validation());
        assertEquals(last.valAccuracy(), again.accuracy(), 0.0, "evaluation does not change the model");
        assertEquals(data.validation().size(), again.count());
    }

    @Test
    void sameSeedSameBits() {
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            Sequential model = mlp(new Rng(4), 5, 8, 2);
            Trainer t = new Trainer(model, new Sgd(model.parameters(), Sgd.Config.of(0.1).withMomentum(0.9)), Trainer.Options.epochs(3));
            losses[run] = t.fit(DataLoader.shuffled(tiny(), 5, 2), tiny()).get(2).valLoss();
        }
        assertEquals(Double.doubleToLongBits(losses[0]), Double.doubleToLongBits(losses[1]));
    }

    @Test
    void listenersSeeEveryStepAndEpochAndEvaluationRunsInEvalModeWithoutGraph() {
        Sequential model = mlp(new Rng(5), 5, 8, 2);
        List<String> events = new ArrayList<>();
        List<String> forwardModes = new ArrayList<>();
        model.addForwardHook((m, in, out) -> forwardModes.add((m.isTraining() ? "train" : "eval") + (GradMode.isEnabled() ? "+grad" : "")));
        Trainer t = new Trainer(model, new Sgd(model.parameters(), Sgd.Config.of(0.05)), Trainer.Options.epochs(2));
        t.addListener(new TrainingListener() {
            @Override public void onStep(int step, double loss) { events.add("step " + step); }
            @Override public void onEpochEnd(int epoch, EpochMetrics m) { events.add("epoch " + epoch + " after " + m.steps()); }
        });
        t.fit(new DataLoader(tiny(), 10, true, true, 3), tiny());
        assertEquals(List.of("step 0", "step 1", "epoch 0 after 2", "step 2", "step 3", "epoch 1 after 4"), events);
        // per epoch: 2 training forwards, then 1 validation forward (24 samples, one batch)
        assertEquals(List.of("train+grad", "train+grad", "eval", "train+grad", "train+grad", "eval"), forwardModes);
        assertTrue(model.isTraining(), "back in train mode after evaluation");
        assertEquals(2, t.epochsDone());
        assertTrue(t.fit(DataLoader.shuffled(tiny(), 10, 3), null).isEmpty(), "all epochs done");
    }

    @Test
    void nonFiniteLossNamesTheStepAndSkipsTheUpdate() {
        int[] calls = {0};
        Linear lin = new Linear(5, 2, new Rng(6));
        Module poisoned = fn(x -> ++calls[0] == 3 ? x.mul(Float.NaN) : x);
        Sequential model = new Sequential(lin, poisoned);
        List<Integer> steps = new ArrayList<>();
        Trainer t = new Trainer(model, new Sgd(model.parameters(), Sgd.Config.of(0.1)), Trainer.Options.epochs(5));
        t.addListener(new TrainingListener() {
            @Override public void onStep(int step, double loss) { steps.add(step); }
        });
        Tensor before = lin.weight().value().copy();
        var e = assertThrows(NonFiniteException.class, () -> t.fit(DataLoader.sequential(tiny(), 12), null));
        assertEquals(2, e.step());
        assertNull(e.layerPath(), "the loss belongs to no layer");
        assertEquals(NonFiniteException.Phase.FORWARD, e.phase());
        assertTrue(e.getMessage().startsWith("non-finite loss (NaN) at step 2, forward: training diverged in epoch 1"), e.getMessage());
        assertEquals(List.of(0, 1), steps);
        assertFalse(lin.weight().value().allClose(before, 0, 0), "steps 0 and 1 did update");
        assertTrue(lin.weight().value().isFinite(), "step 2 did not");
    }

    @Test
    void clippingBoundsTheUpdateAndTheScheduleSetsTheRate() {
        Sequential model = mlp(new Rng(7), 5, 8, 2);
        List<Tensor> before = new ArrayList<>();
        for (Var p : model.parameters()) before.add(p.value().copy());
        Sgd sgd = new Sgd(model.parameters(), Sgd.Config.of(123));
        LrSchedule schedule = step -> 1.0 + step;
        Trainer t = new Trainer(model, sgd, Trainer.Options.epochs(1).withClipNorm(1e-3).withSchedule(schedule));
        t.fit(DataLoader.sequential(tiny(), 24), null);
        double sq = 0;
        for (int i = 0; i < before.size(); i++) {
            float[] a = before.get(i).data(), b = model.parameters().get(i).value().data();
            for (int k = 0; k < a.length; k++) sq += Math.pow(a[k] - b[k], 2);
        }
        // one SGD step with lr = schedule.at(0) = 1 on gradients clipped to norm 1e-3
        assertTrue(Math.sqrt(sq) <= 1e-3 * 1.0001, "update norm " + Math.sqrt(sq));
        assertTrue(Math.sqrt(sq) > 0);
        assertEquals(1.0, sgd.learningRate());
    }
}
