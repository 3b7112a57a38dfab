package io.normlab.nn.norm;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The one normalization core, as a differentiable op. Every normalization layer is a setting of
 * {@link Spec}: which elements share statistics ({@link NormLayout}), whether the mean is
 * subtracted, eps, and how the affine parameters are laid out.
 * <pre>
 *   y = (x - mean_g) / sqrt(var_g + eps) * gamma + beta      (var biased: divides by the group size m)
 *   y = x / sqrt(mean_g(x^2) + eps) * gamma                  (centered = false, RMSNorm)
 * </pre>
 * {@link #normalize} uses the statistics of x itself and back-propagates through them (training
 * BatchNorm; LayerNorm, InstanceNorm, GroupNorm, RMSNorm always); {@link #normalizeWith} uses
 * given constant statistics (BatchNorm in eval, a frozen BatchNorm). The backward is the fused
 * closed form of {@link NormKernel}. gamma and beta may each be null (no scale, no shift).
 */
public final class NormCore {
    private NormCore() {}

    /** How gamma and beta are indexed: per channel c (BatchNorm, GroupNorm, ...) or per element (c, s) (LayerNorm). */
    public enum AffineAxis { CHANNEL, ELEMENT }

    /**
     * A configuration of the core.
     *
     * @param layout   the grouping of the input's elements
     * @param centered false for RMSNorm (no mean subtracted)
     * @param eps      added to the variance inside the square root
     * @param affine   layout of gamma and beta: C values (CHANNEL) or C*S values (ELEMENT)
     */
    public record Spec(NormLayout layout, boolean centered, float eps, AffineAxis affine) {
        public Spec {
            if (!(eps >= 0f)) throw new IllegalArgumentException("normalization eps must be >= 0, got " + eps);
        }
    }

    /** The output and the batch statistics it used (for running-average updates). */
    public record Result(Var output, Stats stats) {}

    /** Normalizes {@code x} with its own statistics; gradients flow through them. */
    public static Result normalize(Spec spec, Var x, Var gamma, Var beta) {
        Op op = new Op(spec, null);
        Var y = op.apply(op.inputs(x, gamma, beta));
        return new Result(y, op.stats);
    }

    /** Normalizes {@code x} with constant statistics (one per group of {@code spec.layout()}). */
    public static Var normalizeWith(Spec spec, Stats stats, Var x, Var gamma, Var beta) {
        if (stats.size() != spec.layout().statCount()) {
            throw new IllegalArgumentException("normalizeWith: " + stats.size() + " statistics given, layout " + spec.layout() + " needs " + spec.layout().statCount());
        }
        Op op = new Op(spec, stats);
        return op.apply(op.inputs(x, gamma, beta));
    }

    private static final class Op extends Function {
        private final Spec spec;
        private final boolean statsOfX;
        private Stats stats;
        private int gammaAt = -1, betaAt = -1;
        private Tensor x, gamma, beta;

        Op(Spec spec, Stats fixed) {
            this.spec = spec;
            this.statsOfX = fixed == null;
            this.stats = fixed;
        }

        Var[] inputs(Var x, Var gamma, Var beta) {
            NormLayout l = spec.layout();
            if (x.value().numel() != l.numel()) {
                throw new ShapeException("normalize: input of shape " + Shape.str(x.shape()) + " does not match layout " + l);
            }
            int params = spec.affine() == AffineAxis.ELEMENT ? l.c() * l.s() : l.c();
            List<Var> in = new ArrayList<>(List.of(x));
            if (gamma != null) {
                check("gamma", gamma, params);
                gammaAt = in.size();
                in.add(gamma);
            }
            if (beta != null) {
                check("beta", beta, params);
                betaAt = in.size();
                in.add(beta);
            }
            return in.toArray(new Var[0]);
        }

        private void check(String what, Var p, int params) {
            if (p.value().numel() != params) {
                throw new ShapeException("normalize: " + what + " of shape " + Shape.str(p.shape()) + " needs " + params
                        + " values (" + spec.affine() + " affine over layout " + spec.layout() + ")");
            }
        }

        @Override
        protected Tensor forward(Tensor... in) {
            x = in[0];
            gamma = gammaAt < 0 ? null : in[gammaAt];
            beta = betaAt < 0 ? null : in[betaAt];
            NormKernel.Output o = NormKernel.forward(x.data(), spec, statsOfX ? null : stats, data(gamma), data(beta), null);
            stats = o.stats();
            return Tensor.wrap(o.y(), x.shape());
        }

        @Override
        protected Tensor[] backward(Tensor gradOut) {
            boolean ng = gammaAt >= 0 && needsGrad(gammaAt), nb = betaAt >= 0 && needsGrad(betaAt);
            NormKernel.Grads g = NormKernel.backward(gradOut.data(), x.data(), spec, stats, statsOfX, data(gamma),
                    needsGrad(0), ng, nb);
            Tensor[] out = new Tensor[1 + (gammaAt >= 0 ? 1 : 0) + (betaAt >= 0 ? 1 : 0)];
            if (g.dx() != null) out[0] = Tensor.wrap(g.dx(), x.shape());
            if (ng) out[gammaAt] = Tensor.wrap(g.dgamma(), gamma.shape());
            if (nb) out[betaAt] = Tensor.wrap(g.dbeta(), beta.shape());
            return out;
        }

        private static float[] data(Tensor t) {
            return t == null ? null : t.data();
        }

        @Override
        public String name() {
            return statsOfX ? "normalize" : "normalize_with_stats";
        }
    }
}
