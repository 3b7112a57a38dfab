package io.normlab.models;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.nn.Linear;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.init.Initializer;
import io.normlab.nn.norm.BatchNorm1d;
import io.normlab.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpSpecTest {
    @Test
    void blocksFollowThePlacementAndPyTorchNames() {
        Sequential before = MlpSpec.of(64, 2, 16, 10, Activation.SIGMOID, NormKind.BATCH).build(new Rng(1));
        assertEquals(List.of(Linear.class, BatchNorm1d.class, Sigmoid.class, Linear.class, BatchNorm1d.class, Sigmoid.class, Linear.class),
                before.layers().stream().map(Object::getClass).toList());
        assertTrue(before.stateDict().containsKey("1.running_mean"));
        Sequential after = MlpSpec.of(64, 1, 16, 10, Activation.SIGMOID, NormKind.BATCH).withPlacement(Placement.AFTER_ACTIVATION).build(new Rng(1));
        assertEquals(List.of(Linear.class, Sigmoid.class, BatchNorm1d.class, Linear.class), after.layers().stream().map(Object::getClass).toList());
    }

    @Test
    void hiddenInitAndZeroBiasApplyToHiddenLayersOnly() {
        Sequential m = MlpSpec.of(64, 3, 32, 10, Activation.IDENTITY, NormKind.NONE)
                .withHiddenInit(Initializer.constant(0.5), true).build(new Rng(2));
        Linear first = (Linear) m.layers().get(0), out = (Linear) m.layers().get(m.layers().size() - 1);
        for (float w : first.weight().value().data()) assertEquals(0.5f, w);
        for (float b : first.bias().value().data()) assertEquals(0f, b);
        assertNotEquals(0.5f, out.weight().value().data()[0]);
    }

    @Test
    void sameSeedSameWeightsAndClearErrors() {
        MlpSpec spec = MlpSpec.of(8, 2, 4, 3, Activation.TANH, NormKind.LAYER);
        assertArrayEquals(spec.build(new Rng(5)).parameters().get(0).value().data(), spec.build(new Rng(5)).parameters().get(0).value().data());
        var ex = assertThrows(IllegalArgumentException.class, () -> MlpSpec.of(8, 1, 4, 3, Activation.RELU, NormKind.INSTANCE).build(new Rng(1)));
        assertTrue(ex.getMessage().contains("feature maps"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpSpec.of(8, 1, 0, 3, Activation.RELU, NormKind.NONE));
    }
}
