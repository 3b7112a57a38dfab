package io.normlab.nn;

import io.normlab.autograd.Activations;
import io.normlab.autograd.Var;

/**
 * Elementwise logistic sigmoid {@code y = 1 / (1 + e^-x)}, any shape; {@code dy/dx = y (1 - y)},
 * at most 1/4, which is why deep sigmoid stacks shrink their gradients (Glorot and Bengio 2010).
 * No parameters; same in train and eval mode. See {@link Activations#sigmoid}.
 */
public final class Sigmoid extends Module {
    @Override
    protected Var compute(Var x) {
        return Activations.sigmoid(x);
    }
}
