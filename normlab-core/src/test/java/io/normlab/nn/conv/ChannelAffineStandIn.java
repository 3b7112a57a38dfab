package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;

/**
 * A smooth per-channel stand-in for a normalization layer in gradient checks:
 * {@code y = x * weight[c] + bias[c]}. Finite differences through the block's ReLUs need inputs
 * away from the kink, which batch statistics cannot guarantee (every probe moves every
 * pre-activation of the channel).
 */
final class ChannelAffineStandIn extends Module {
    private final Var weight;
    private final Var bias;

    ChannelAffineStandIn(int channels, Tensor gamma, float beta) {
        weight = registerParameter("weight", gamma);
        bias = registerParameter("bias", Tensor.full(beta, channels));
    }

    @Override
    protected Var compute(Var x) {
        int c = x.shape()[1];
        return x.mul(weight.reshape(1, c, 1, 1)).add(bias.reshape(1, c, 1, 1));
    }
}
