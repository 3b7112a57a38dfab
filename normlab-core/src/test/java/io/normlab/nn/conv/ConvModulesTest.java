package io.normlab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvModulesTest {
    @Test
    void conv2dHasPyTorchNamesShapesAndDefaultInitBounds() {
        Conv2d c = new Conv2d(6, 8, 3, ConvSpec.of(1, 1).groups(2), true, new Rng(31));
        assertEquals(List.of("weight", "bias"), List.copyOf(c.stateDict().keySet()));
        assertArrayEquals(new int[] {8, 3, 3, 3}, c.weight().shape());
        double bound = 1 / Math.sqrt(3 * 3 * 3); // fan_in = in/groups * kH * kW = 27
        assertWithinBoundAndSpread(c.weight().value(), bound);
        assertWithinBoundAndSpread(c.bias().value(), bound);
        assertEquals("Conv2d(6, 8, kernel=3, padding=1, groups=2)  [224 params]\n", c.toString());
        Conv2d nb = new Conv2d(2, 4, 1, 5, ConvSpec.DEFAULT, false, new Rng(32));
        assertEquals(List.of("weight"), List.copyOf(nb.stateDict().keySet()));
        assertNull(nb.bias());
        assertArrayEquals(new int[] {4, 2, 1, 5}, nb.weight().shape());
    }

    private static void assertWithinBoundAndSpread(Tensor t, double bound) {
        double max = 0;
        for (float v : t.data()) {
            assertTrue(Math.abs(v) <= bound, v + " outside +-" + bound);
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0.7 * bound, "values should fill the range, max " + max + " bound " + bound);
    }

    @Test
    void conv2dModuleComputesTheOpAndPassesGradCheck() {
        Rng rng = new Rng(33);
        Conv2d c = new Conv2d(3, 4, 3, ConvSpec.of(2, 1).dilation(1, 2), true, rng);
        Var x = Var.param(Tensor.randn(rng, 2, 3, 6, 7));
        assertArrayEquals(ConvOps.conv2d(x, c.weight(), c.bias(), c.spec()).value().data(), c.forward(x).value().data());
        GradCheck.defaults().check(v -> c.forward(v[0]), x, c.weight(), c.bias());
    }

    @Test
    void conv1dHasPyTorchLayoutAndPassesGradCheck() {
        Rng rng = new Rng(34);
        Conv1d c = new Conv1d(4, 6, 3, 1, 1, 1, 2, true, rng);
        assertArrayEquals(new int[] {6, 2, 3}, c.weight().shape());
        double bound = 1 / Math.sqrt(2 * 3);
        assertWithinBoundAndSpread(c.weight().value(), bound);
        Var x = Var.param(Tensor.randn(rng, 2, 4, 9));
        assertArrayEquals(new int[] {2, 6, 9}, c.forward(x).shape());
        GradCheck.defaults().check(v -> c.forward(v[0]), x, c.weight(), c.bias());
        assertEquals("Conv1d(4, 6, kernel=3, padding=1, groups=2)  [42 params]\n", c.toString());
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertArrayEquals(new Conv2d(3, 5, 3, 1, 1, new Rng(7)).weight().value().data(),
                new Conv2d(3, 5, 3, 1, 1, new Rng(7)).weight().value().data());
    }
}
