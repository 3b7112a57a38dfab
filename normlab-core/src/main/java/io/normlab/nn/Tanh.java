package io.normlab.nn;

import io.normlab.autograd.Activations;
import io.normlab.autograd.Var;

/**
 * Elementwise hyperbolic tangent {@code y = tanh(x)}, any shape; {@code dy/dx = 1 - y^2}.
 * No parameters; same in train and eval mode. See {@link Activations#tanh}.
 */
public final class Tanh extends Module {
    @Override
    protected Var compute(Var x) {
        return Activations.tanh(x);
    }
}
