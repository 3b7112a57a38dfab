package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.nn.Dropout;
import io.normlab.nn.GELU;
import io.normlab.nn.Identity;
import io.normlab.nn.LeakyReLU;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import io.normlab.nn.norm.BatchNorm1d;
import io.normlab.nn.norm.BatchRenorm;
import io.normlab.nn.norm.GroupNorm;
import io.normlab.nn.norm.InstanceNorm2d;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.tensor.Rng;
import org.junit.jupiter.api.Test;

class LayerKindTest {


    static final class Conv2d extends Module {
        @Override protected Var compute(Var x) { return x; }
    }

    static final class LSTMCell extends Module {
        @Override protected Var compute(Var x) { return x; }
    }

    @Test
    void classifiesTheNnLayersByTypeAndOthersByName() {
        Rng rng = new Rng(41);
        assertEquals(LayerKind.WEIGHT, LayerKind.of(new Linear(2, 2, rng)));
        assertEquals(LayerKind.SIGMOID, LayerKind.of(new Sigmoid()));
        assertEquals(LayerKind.TANH, LayerKind.of(new Tanh()));
        assertEquals(LayerKind.RELU, LayerKind.of(new ReLU()));
        assertEquals(LayerKind.OTHER_ACTIVATION, LayerKind.of(new LeakyReLU()));
        assertEquals(LayerKind.OTHER_ACTIVATION, LayerKind.of(new GELU()));
        assertEquals(LayerKind.OTHER, LayerKind.of(new Dropout(0.5, rng)));
        assertEquals(LayerKind.OTHER, LayerKind.of(new Identity()));
        assertEquals(LayerKind.CONTAINER, LayerKind.of(new Sequential(new ReLU())));
        assertEquals(LayerKind.BATCH_NORM, LayerKind.of(new BatchNorm1d(3)));
        assertEquals(LayerKind.BATCH_NORM, LayerKind.of(new BatchRenorm(3)));
        assertEquals(LayerKind.NORM, LayerKind.of(new LayerNorm(3)));
        assertEquals(LayerKind.NORM, LayerKind.of(new GroupNorm(2, 4)));
        assertEquals(LayerKind.NORM, LayerKind.of(new InstanceNorm2d(3)));
        assertEquals(LayerKind.WEIGHT, LayerKind.of(new Conv2d()));
        assertEquals(LayerKind.RECURRENT, LayerKind.of(new LSTMCell()));
        assertEquals(LayerKind.RECURRENT, LayerKind.of(new AdvisorTest.ToyRNN(2, rng)));
        assertTrue(LayerKind.SIGMOID.saturates() && LayerKind.TANH.saturates() && !LayerKind.RELU.saturates());
    }
}
