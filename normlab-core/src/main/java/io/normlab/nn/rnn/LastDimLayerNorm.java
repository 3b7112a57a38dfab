package io.normlab.nn.rnn;

import io.normlab.autograd.Arithmetic;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;

/**
 * Minimal layer normalization over the last dimension, composed from autograd ops, for
 * {@link LayerNormLSTM} until io.normlab.nn.norm.LayerNorm is available to this package:
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, mean and biased variance over the last
 * dimension, eps 1e-5, weight 1 and bias 0 at start (PyTorch's LayerNorm names and defaults).
 */
final class LastDimLayerNorm extends Module {
    private static final float EPS = 1e-5f;
    private final Var weight;
    private final Var bias;

    LastDimLayerNorm(int features) {
        weight = registerParameter("weight", Tensor.ones(features));
        bias = registerParameter("bias", Tensor.zeros(features));
    }

    @Override
    protected Var compute(Var x) {
        Var centred = x.sub(x.mean(true, -1));
        Var var = Arithmetic.square(centred).mean(true, -1);
        return centred.div(Arithmetic.sqrt(var.add(Var.of(Tensor.scalar(EPS))))).mul(weight).add(bias);
    }
}
