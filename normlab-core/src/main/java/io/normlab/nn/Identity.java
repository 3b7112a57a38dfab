package io.normlab.nn;

import io.normlab.autograd.Var;

/**
 * {@code y = x}: returns its input unchanged (the same variable), a placeholder where a layer is
 * optional (e.g. "no normalization" in a study). No parameters.
 */
public final class Identity extends Module {
    @Override
    protected Var compute(Var x) {
        return x;
    }
}
