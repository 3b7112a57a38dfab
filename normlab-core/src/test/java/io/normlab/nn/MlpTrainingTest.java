package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.optim.Adam;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The pieces fit: Linear-ReLU-Linear trained with Adam on a seeded XOR of four Gaussian clusters
 * (separable, but not linearly) reaches >= 95% training accuracy; a linear model cannot.
 */
class MlpTrainingTest {
    private static final int N = 256;
    private static final int STEPS = 300;

    private record Data(Tensor x, int[] y) {}

    /** Clusters at (+-2, +-2) with std 0.5; label 1 when the coordinates' signs differ. */
    private static Data xor(long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[N * 2];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            int sx = (i & 1) == 0 ? 1 : -1, sy = (i & 2) == 0 ? 1 : -1;
            x[2 * i] = (float) (2 * sx + 0.5 * rng.nextGaussian());
            x[2 * i + 1] = (float) (2 * sy + 0.5 * rng.nextGaussian());
            y[i] = sx == sy ? 0 : 1;
        }
        return new Data(Tensor.wrap(x, N, 2), y);
    }

    /** Full-batch Adam; returns {first loss, last loss, training accuracy}. */
    private static double[] train(Module model, Data d) {
        Adam opt = new Adam(model.parameters(), Adam.Config.adam(0.01));
        double first = 0, last = 0;
        for (int step = 0; step < STEPS; step++) {
            opt.zeroGrad();
            Var loss = Losses.crossEntropy(model.forward(d.x()), d.y());
            loss.backward();
            opt.step();
            if (step == 0) first = loss.value().item();
            last = loss.value().item();
        }
        int[] pred = Layout.argmax(model.forward(d.x()).value(), 1);
        int correct = 0;
        for (int i = 0; i < N; i++) if (pred[i] == d.y()[i]) correct++;
        return new double[] {first, last, correct / (double) N};
    }

    private static Sequential mlp(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(2, 32, rng), new ReLU(), new Linear(32, 2, rng));
    }

    @Test
    void twoLayerMlpLearnsXor() {
        double[] r = train(mlp(7), xor(1));
        assertTrue(r[2] >= 0.95, "training accuracy " + r[2]);
        assertTrue(r[1] < 0.25 * r[0], "loss " + r[0] + " -> " + r[1]);
    }

    @Test
    void aLinearModelCannot() {
        double[] r = train(new Sequential(new Linear(2, 2, new Rng(7))), xor(1));
        assertTrue(r[2] < 0.8, "a linear model should not separate XOR, got accuracy " + r[2]);
    }

    @Test
    void trainingIsBitIdenticalWithOneAndTwoThreads() {
        int saved = Parallel.threads();
        Sequential a = mlp(3), b = mlp(3);
        try {
            Parallel.setThreads(1);
            train(a, xor(2));
            Parallel.setThreads(2);
            train(b, xor(2));
        } finally {
            Parallel.setThreads(saved);
        }
        for (var e : a.stateDict().entrySet()) assertArrayEquals(e.getValue().data(), b.stateDict().get(e.getKey()).data(), e.getKey());
    }
}
