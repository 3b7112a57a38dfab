package io.normlab.nn;

import io.normlab.autograd.Arithmetic;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014, as PyTorch): in training mode each element is kept
 * with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, else set to 0, so
 * {@code E[y] = x} and eval needs no rescaling; {@code y = x * mask} with a fresh mask per
 * forward, and {@code dy/dx = mask}. In eval mode (and for p = 0) it returns its input. p = 1
 * drops everything (y = 0). Any shape.
 *
 * <p>Masks come from a generator forked from {@code rng} at construction, drawn in row-major
 * order (element dropped when {@code nextDouble() < p}): the same seed gives the same masks, and
 * other users of {@code rng} do not shift them.
 */
public final class Dropout extends Module {
    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("Dropout: probability p must be in [0, 1], got " + p);
        this.p = p;
        this.rng = rng.fork();
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    @Override
    protected Var compute(Var x) {
        if (!isTraining() || p == 0) return x;
        float keep = p == 1 ? 0f : (float) (1.0 / (1.0 - p));
        float[] mask = new float[x.value().numel()];
        for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < p ? 0f : keep;
        return Arithmetic.mul(x, Var.of(Tensor.wrap(mask, x.shape())));
    }

    @Override
    protected String describe() {
        return "p=" + p;
    }
}
