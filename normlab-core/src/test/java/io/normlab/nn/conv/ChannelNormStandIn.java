package io.normlab.nn.conv;

import io.normlab.autograd.Arithmetic;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;

/**
 * Test stand-in for a per-channel normalization, composed from autograd ops so the block tests do
 * not depend on io.normlab.nn.norm: {@code y = xhat * weight[c] + bias[c]} where xhat is x
 * normalized with batch statistics over (N, H, W) or, with {@code batchStats = false}, x itself
 * (a smooth per-channel affine map for gradient checks).
 */
final class ChannelNormStandIn extends Module {
    private final boolean batchStats;
    private final Var weight;
    private final Var bias;

    ChannelNormStandIn(int channels, Tensor gamma, float beta, boolean batchStats) {
        this.batchStats = batchStats;
        weight = registerParameter("weight", gamma);
        bias = registerParameter("bias", Tensor.full(beta, channels));
    }

    @Override
    protected Var compute(Var x) {
        int c = x.shape()[1];
        Var xhat = x;
        if (batchStats) {
            Var centred = x.sub(x.mean(true, 0, 2, 3));
            Var var = Arithmetic.square(centred).mean(true, 0, 2, 3);
            xhat = centred.div(Arithmetic.sqrt(var.add(Var.of(Tensor.scalar(1e-5f)))));
        }
        return xhat.mul(weight.reshape(1, c, 1, 1)).add(bias.reshape(1, c, 1, 1));
    }
}
