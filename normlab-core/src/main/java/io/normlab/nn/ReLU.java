package io.normlab.nn;

import io.normlab.autograd.Activations;
import io.normlab.autograd.Var;

/**
 * Elementwise rectifier {@code y = max(0, x)}, any shape; {@code dy/dx = 1} for x &gt; 0, else 0
 * (0 at x = 0, as PyTorch). No parameters; same in train and eval mode. See {@link Activations#relu}.
 */
public final class ReLU extends Module {
    @Override
    protected Var compute(Var x) {
        return Activations.relu(x);
    }
}
