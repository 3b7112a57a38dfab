package io.normlab.optim;

import io.normlab.autograd.Var;
import io.normlab.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with PyTorch's exact update rule:
 * <pre>
 * g = grad + weightDecay * p
 * if momentum != 0:  b = g on the first step, else b = momentum * b + (1 - dampening) * g
 *                    g = nesterov ? g + momentum * b : b
 * p = p - lr * g
 * </pre>
 */
public final class Sgd extends Optimizer {
    /** Hyper-parameters; PyTorch's defaults except lr, which has none. */
    public record Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        public Config {
            if (momentum < 0 || weightDecay < 0) throw new IllegalArgumentException("momentum and weight decay must be >= 0");
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("Nesterov momentum requires momentum > 0 and zero dampening");
            }
        }

        public static Config of(double lr) {
            return new Config(lr, 0, 0, false, 0);
        }

        public Config withMomentum(double m) {
            return new Config(lr, m, dampening, nesterov, weightDecay);
        }

        public Config withNesterov(boolean n) {
            return new Config(lr, momentum, dampening, n, weightDecay);
        }

        public Config withDampening(double d) {
            return new Config(lr, momentum, d, nesterov, weightDecay);
        }

        public Config withWeightDecay(double wd) {
            return new Config(lr, momentum, dampening, nesterov, wd);
        }
    }

    private final Config cfg;
    private final float[][] momentumBuffers;

    public Sgd(List<Var> params, Config cfg) {
        super(params, cfg.lr());
        this.cfg = cfg;
        this.momentumBuffers = new float[params.size()][];
    }

    @Override
    public void step() {
        float lrF = (float) lr, wd = (float) cfg.weightDecay(), mom = (float) cfg.momentum();
        float damp = (float) (1 - cfg.dampening());
        for (int k = 0; k < params.size(); k++) {
            Var p = params.get(k);
            if (p.grad() == null) continue;
            float[] w = p.value().data(), g = p.grad().data();
            float[] buf = momentumBuffers[k];
            boolean first = buf == null && mom != 0;
            if (first) buf = momentumBuffers[k] = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                float d = wd != 0 ? g[i] + wd * w[i] : g[i];
                if (mom != 0) {
                    buf[i] = first ? d : mom * buf[i] + damp * d;
                    d = cfg.nesterov() ? d + mom * buf[i] : buf[i];
                }
                w[i] -= lrF * d;
            }
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int k = 0; k < momentumBuffers.length; k++) {
            if (momentumBuffers[k] != null) s.put(k + ".momentum_buffer", Tensor.wrap(momentumBuffers[k], params.get(k).shape()));
        }
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        for (int k = 0; k < momentumBuffers.length; k++) {
            Tensor t = state.get(k + ".momentum_buffer");
            momentumBuffers[k] = t == null ? null : OptimState.checked(t, params.get(k), k + ".momentum_buffer").data().clone();
        }
    }
}
