package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeStepsTest {
    @Test
    void splitThenStackIsTheIdentityForConstantsAndVariables() {
        Rng rng = new Rng(71);
        Tensor x = Tensor.randn(rng, 2, 7, 3);
        for (Var v : List.of(Var.of(x), Var.param(x))) {
            List<Var> steps = TimeSteps.split(v);
            assertEquals(7, steps.size());
            for (int t = 0; t < 7; t++) assertArrayEquals(Layout.slice(x, 1, t, t + 1).data(), steps.get(t).value().data());
            assertArrayEquals(x.data(), TimeSteps.stack(steps).value().data());
        }
    }

    @Test
    void gradientsFlowThroughTheHalvingSplit() {
        Rng rng = new Rng(72);
        Var x = Var.param(Tensor.randn(rng, 2, 5, 3));
        Tensor scale = Tensor.randn(rng, 2, 3);
        GradCheck.defaults().check(v -> {
            List<Var> out = new ArrayList<>();
            for (Var s : TimeSteps.split(v[0])) out.add(s.mul(Var.of(scale)).tanh());
            return TimeSteps.stack(out);
        }, x);
    }
}
