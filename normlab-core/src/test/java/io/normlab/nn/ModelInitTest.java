package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.nn.init.FanMode;
import io.normlab.nn.init.Init;
import io.normlab.nn.init.Initializer;
import io.normlab.nn.init.Nonlinearity;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModelInitTest {
    private static Sequential mlp(Rng rng) {
        return new Sequential(new Linear(64, 128, rng), new ReLU(), new Sequential(new Linear(128, 128, rng), new ReLU()),
                new Linear(128, 10, false, rng));
    }

    @Test
    void linearDefaultIsUnchangedPyTorchRule() {
        // The layer's values before Init existed: U(+-1/sqrt(in)) for W then b, both from Tensor.uniform.
        Linear lin = new Linear(30, 7, new Rng(42));
        Rng replay = new Rng(42);
        float bound = (float) (1.0 / Math.sqrt(30));
        assertArrayEquals(Tensor.uniform(replay, -bound, bound, 7, 30).data(), lin.weight().value().data());
        assertArrayEquals(Tensor.uniform(replay, -bound, bound, 7).data(), lin.bias().value().data());
    }

    @Test
    void appliesToEveryLinearWeightAndBias() {
        Sequential m = mlp(new Rng(1));
        int n = ModelInit.applyToLinears(m, Initializer.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.RELU),
                Initializer.constant(0.1), new Rng(2));
        assertEquals(3, n);
        assertStd(m.stateDict().get("2.0.weight"), Math.sqrt(2.0 / 128));
        assertStd(m.stateDict().get("0.weight"), Math.sqrt(2.0 / 64));
        assertArrayEquals(Tensor.full(0.1f, 128).data(), m.stateDict().get("0.bias").data());
        assertArrayEquals(Tensor.full(0.1f, 128).data(), m.stateDict().get("2.0.bias").data());
        assertNull(m.stateDict().get("3.bias"));
    }

    @Test
    void visitsLayersInStateDictOrderWithOneGenerator() {
        Sequential m = mlp(new Rng(1));
        ModelInit.applyToLinears(m, Initializer.xavierUniform(1), Initializer.zeros(), new Rng(3));
        Rng replay = new Rng(3);
        Tensor w0 = Init.xavierUniform(Tensor.zeros(128, 64), 1, replay);
        Tensor w1 = Init.xavierUniform(Tensor.zeros(128, 128), 1, replay);
        Tensor w2 = Init.xavierUniform(Tensor.zeros(10, 128), 1, replay);
        assertArrayEquals(w0.data(), m.stateDict().get("0.weight").data());
        assertArrayEquals(w1.data(), m.stateDict().get("2.0.weight").data());
        assertArrayEquals(w2.data(), m.stateDict().get("3.weight").data());
    }

    @Test
    void resetReproducesConstruction() {
        Sequential a = mlp(new Rng(5)), b = mlp(new Rng(6));
        assertEquals(3, ModelInit.resetLinears(b, new Rng(5)));
        for (var e : a.stateDict().entrySet()) assertArrayEquals(e.getValue().data(), b.stateDict().get(e.getKey()).data(), e.getKey());
    }

    private static void assertStd(Tensor t, double expected) {
        double s = 0;
        for (float v : t.data()) s += (double) v * v;
        assertEquals(expected, Math.sqrt(s / t.numel()), 0.05 * expected);
    }
}
