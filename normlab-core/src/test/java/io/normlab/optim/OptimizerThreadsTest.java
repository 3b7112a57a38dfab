package io.normlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.normlab.autograd.Var;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The optimizers update a parameter of several parallel chunks ({@link Optimizer#GRAIN} elements
 * each) to the same bits with 1 and 2 threads, for every branch of their rules.
 */
class OptimizerThreadsTest {
    private static final int SIZE = 2 * Optimizer.GRAIN + 1001;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Three steps from the same start and gradients; the final weights. */
    private static float[] run(int threads, Function<List<Var>, Optimizer> make) {
        Parallel.setThreads(threads);
        Rng rng = new Rng(3);
        Var p = Var.param(Tensor.randn(rng, SIZE));
        Optimizer opt = make.apply(List.of(p));
        for (int t = 0; t < 3; t++) {
            p.zeroGrad();
            p.mul(Var.of(Tensor.randn(rng, SIZE))).sum().backward();
            opt.step();
        }
        return p.value().data();
    }

    private static void check(String what, Function<List<Var>, Optimizer> make) {
        float[] one = run(1, make), two = run(2, make);
        assertTrue(Parallel.chunks(SIZE, Optimizer.GRAIN) >= 3, "several chunks");
        assertArrayEquals(one, two, what + ": 1 and 2 threads differ");
    }

    @Test
    void sgdIsBitIdenticalOnOneAndTwoThreads() {
        check("plain", ps -> new Sgd(ps, Sgd.Config.of(0.1)));
        check("weight decay", ps -> new Sgd(ps, Sgd.Config.of(0.1).withWeightDecay(0.01)));
        check("momentum", ps -> new Sgd(ps, Sgd.Config.of(0.1).withMomentum(0.9).withDampening(0.1)));
        check("nesterov, weight decay", ps -> new Sgd(ps, Sgd.Config.of(0.1).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01)));
    }

    @Test
    void adamIsBitIdenticalOnOneAndTwoThreads() {
        check("adam", ps -> new Adam(ps, Adam.Config.adam(1e-3)));
        check("adam, L2", ps -> new Adam(ps, Adam.Config.adam(1e-3).withWeightDecay(0.01)));
        check("adamW", ps -> new Adam(ps, Adam.Config.adamW(1e-3)));
    }
}
