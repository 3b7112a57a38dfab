package io.normlab.nn;

import io.normlab.autograd.Activations;
import io.normlab.autograd.Var;

/**
 * Exact Gaussian error linear unit {@code y = x Phi(x)} with Phi the standard normal CDF
 * (Hendrycks and Gimpel 2016; PyTorch's {@code approximate='none'}), any shape;
 * {@code dy/dx = Phi(x) + x phi(x)}. No parameters; same in train and eval mode.
 */
public final class GELU extends Module {
    @Override
    protected Var compute(Var x) {
        return Activations.gelu(x);
    }
}
