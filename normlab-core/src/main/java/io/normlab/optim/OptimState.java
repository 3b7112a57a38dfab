package io.normlab.optim;

import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/** Validation shared by the optimizers' {@code loadState}. */
final class OptimState {
    private OptimState() {}

    static Tensor checked(Tensor t, Var param, String key) {
        if (!t.hasShape(param.shape())) {
            throw new IllegalArgumentException("optimizer state '" + key + "': shape " + Shape.str(t.shape())
                    + " does not match parameter shape " + Shape.str(param.shape()));
        }
        return t;
    }
}
