package io.normlab.nn;

import static io.normlab.io.GoldenAssert.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.io.GoldenCase;
import io.normlab.io.Json;
import io.normlab.io.SafeTensors;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Parity with PyTorch (shared/golden, float32 CPU): forward y and every input gradient, with the
 * golden dy as the upstream gradient, within 1e-5 relative per element.
 */
class GoldenOpsTest {
    private static final double TOL = 1e-5;

    @Test
    void linearMatchesPyTorch() {
        SafeTensors g = GoldenCase.load("linear");
        Tensor w = g.tensor("in.w");
        Linear lin = new Linear(w.size(1), w.size(0), new Rng(0));
        lin.loadStateDict(Map.of("weight", w, "bias", g.tensor("in.b")));
        Var x = Var.param(g.tensor("in.x"));
        Var y = lin.forward(x);
        assertClose("linear y", g.tensor("y"), y.value(), TOL);
        y.backward(g.tensor("dy"));
        assertClose("linear grad.x", g.tensor("grad.x"), x.grad(), TOL);
        assertClose("linear grad.w", g.tensor("grad.w"), lin.weight().grad(), TOL);
        assertClose("linear grad.b", g.tensor("grad.b"), lin.bias().grad(), TOL);
    }

    @Test
    void sigmoidMatchesPyTorch() {
        checkActivation("sigmoid", Sigmoid::new);
    }

    @Test
    void tanhMatchesPyTorch() {
        checkActivation("tanh", Tanh::new);
    }

    @Test
    void reluMatchesPyTorch() {
        checkActivation("relu", ReLU::new);
    }

    private static void checkActivation(String name, Supplier<Module> layer) {
        SafeTensors g = GoldenCase.load(name);
        Var x = Var.param(g.tensor("in.input"));
        Var y = layer.get().forward(x);
        assertClose(name + " y", g.tensor("y"), y.value(), TOL);
        y.backward(g.tensor("dy"));
        assertClose(name + " grad.input", g.tensor("grad.input"), x.grad(), TOL);
    }

    @Test
    void crossEntropyMatchesPyTorch() {
        SafeTensors g = GoldenCase.load("cross_entropy");
        int[] labels = labels(g.metadata().get("labels"));
        assertArrayEquals(new int[] {3, 0, 9, 1, 1, 5}, labels);
        Var z = Var.param(g.tensor("in.logits"));
        Var loss = Losses.crossEntropy(z, labels);
        assertClose("cross_entropy y", g.tensor("y"), loss.value(), TOL);
        loss.backward(g.tensor("dy"));
        assertClose("cross_entropy grad.logits", g.tensor("grad.logits"), z.grad(), TOL);
    }

    @Test
    void mseMatchesPyTorch() {
        SafeTensors g = GoldenCase.load("mse");
        float[] lin = new float[12];
        for (int i = 0; i < 12; i++) lin[i] = (float) (-1.0 + 2.0 * i / 11);   // torch.linspace(-1, 1, 12)
        Var a = Var.param(g.tensor("in.a"));
        Var loss = Losses.mse(a, Var.of(Tensor.wrap(lin, 3, 4)));
        assertClose("mse y", g.tensor("y"), loss.value(), TOL);
        loss.backward(g.tensor("dy"));
        assertClose("mse grad.a", g.tensor("grad.a"), a.grad(), TOL);
    }

    /** Labels from the metadata string {@code "[3, 0, 9, ...]"}. */
    private static int[] labels(String text) {
        List<?> list = (List<?>) Json.parse(text);
        return list.stream().mapToInt(o -> Math.toIntExact((Long) o)).toArray();
    }
}
