package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forward and backward of an MLP are bit-identical with 1 and 2 threads. */
class ThreadDeterminismTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(saved);
    }

    /** Loss and every gradient of a 3-layer MLP, flattened in a fixed order. */
    private static float[][] run(int threads) {
        Parallel.setThreads(threads);
        Rng rng = new Rng(111);
        int batch = 512, in = 64, hidden = 128, classes = 10; // hidden activations: 65536 elements, 2 chunks
        Var x = Var.param(Tensor.randn(rng, batch, in));
        Var w1 = Var.param(Tensor.randn(rng, 0f, 0.125f, hidden, in)), b1 = Var.param(Tensor.randn(rng, hidden));
        Var w2 = Var.param(Tensor.randn(rng, 0f, 0.09f, hidden, hidden)), b2 = Var.param(Tensor.randn(rng, hidden));
        Var w3 = Var.param(Tensor.randn(rng, 0f, 0.09f, classes, hidden));
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) labels[i] = rng.nextInt(classes);
        Var h1 = MatrixOps.linear(x, w1, b1).tanh();
        Var h2 = Activations.gelu(MatrixOps.linear(h1, w2, b2)).mul(h1.sigmoid());
        Var logits = h2.matmul(w3.transpose(0, 1));
        Var loss = Losses.crossEntropy(logits, labels).add(h2.mean().mul(0.1f));
        loss.backward();
        return new float[][] {
            loss.value().data(), x.grad().data(), w1.grad().data(), b1.grad().data(),
            w2.grad().data(), b2.grad().data(), w3.grad().data()};
    }

    @Test
    void mlpForwardAndBackwardAreBitIdentical() {
        float[][] one = run(1), two = run(2);
        String[] names = {"loss", "dx", "dW1", "db1", "dW2", "db2", "dW3"};
        for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i], names[i] + ": 1 and 2 threads differ");
    }
}
