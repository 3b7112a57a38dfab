package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void trainingKeepsOrScalesByOneOverOneMinusP() {
        Tensor x = Tensor.randn(new Rng(1), 200, 100);
        Dropout d = new Dropout(0.3, new Rng(2));
        Tensor y = d.forward(x).value();
        int dropped = 0;
        for (int i = 0; i < x.numel(); i++) {
            float yi = y.data()[i];
            if (yi == 0f) dropped++;
            else assertEquals(x.data()[i] / 0.7f, yi, 1e-6f * Math.abs(yi), "kept element " + i);
        }
        double frac = dropped / (double) x.numel();
        assertEquals(0.3, frac, 5 * Math.sqrt(0.3 * 0.7 / x.numel()), "fraction dropped");
    }

    @Test
    void expectationIsPreserved() {
        Tensor x = Tensor.full(2f, 100_000);
        Tensor y = new Dropout(0.5, new Rng(3)).forward(x).value();
        double mean = 0;
        for (float v : y.data()) mean += v;
        mean /= y.numel();
        assertEquals(2.0, mean, 5 * 2.0 / Math.sqrt(y.numel()));
    }

    @Test
    void gradientIsTheMask() {
        Var x = Var.param(Tensor.randn(new Rng(4), 8, 16));
        Var y = new Dropout(0.4, new Rng(5)).forward(x);
        Tensor up = Tensor.randn(new Rng(6), 8, 16);
        y.backward(up);
        for (int i = 0; i < x.value().numel(); i++) {
            float mask = y.value().data()[i] == 0f ? 0f : 1f / 0.6f;
            assertEquals(up.data()[i] * mask, x.grad().data()[i], 1e-6f * Math.abs(up.data()[i] * mask), "element " + i);
        }
    }

    @Test
    void sameSeedSameMasksAndFreshMaskEachForward() {
        Tensor x = Tensor.ones(50, 20);
        Dropout a = new Dropout(0.5, new Rng(7)), b = new Dropout(0.5, new Rng(7));
        float[] a1 = a.forward(x).value().data(), a2 = a.forward(x).value().data();
        assertArrayEquals(a1, b.forward(x).value().data());
        assertArrayEquals(a2, b.forward(x).value().data());
        assertFalse(Arrays.equals(a1, a2), "a new mask per forward");
    }

    @Test
    void callerRngDoesNotShiftMasks() {
        Tensor x = Tensor.ones(64);
        Rng shared = new Rng(8);
        Dropout a = new Dropout(0.5, shared);
        shared.nextLong();                              // someone else draws from the same generator
        Dropout b = new Dropout(0.5, new Rng(8));
        assertArrayEquals(b.forward(x).value().data(), a.forward(x).value().data());
    }

    @Test
    void evalAndZeroPAreIdentity() {
        Var x = Var.param(Tensor.randn(new Rng(9), 4, 5));
        Dropout d = new Dropout(0.5, new Rng(10));
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        assertNotSame(x, d.forward(x));
        assertSame(x, new Dropout(0, new Rng(1)).forward(x));
    }

    @Test
    void pOneDropsEverythingAndBadPIsRejected() {
        Tensor y = new Dropout(1, new Rng(11)).forward(Tensor.randn(new Rng(12), 30)).value();
        for (float v : y.data()) assertTrue(v == 0f, "value " + v);   // -0 for negative x, as x * 0 in PyTorch
        var ex = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, new Rng(1)));
        assertTrue(ex.getMessage().contains("1.5"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN, new Rng(1)));
        assertEquals("Dropout(p=0.25)\n", new Dropout(0.25, new Rng(1)).toString());
    }
}
