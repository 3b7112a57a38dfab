package io.normlab.optim;

import io.normlab.autograd.Var;
import io.normlab.tensor.Parallel;
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
        for (int k = 0; k < params.size(); k++) {
            Var p = params.get(k);
            if (p.grad() == null) continue;
            float[] w = p.value().data(), g = p.grad().data();
            boolean first = momentumBuffers[k] == null && cfg.momentum() != 0;
            if (first) momentumBuffers[k] = new float[w.length];
            float[] buf = momentumBuffers[k];
            Parallel.forRange(w.length, GRAIN, (c, lo, hi) -> update(w, g, buf, first, lo, hi));
        }
    }

    /**
     * The rule on elements [lo, hi), one branch-free loop per case (C2 vectorizes those); each
     * case computes exactly the expressions of the class comment, in the same order.
     */
    private void update(float[] w, float[] g, float[] buf, boolean first, int lo, int hi) {
        float lrF = (float) lr, wd = (float) cfg.weightDecay(), mom = (float) cfg.momentum();
        float damp = (float) (1 - cfg.dampening());
        if (mom == 0) {
            if (wd == 0) for (int i = lo; i < hi; i++) w[i] -= lrF * g[i];
            else for (int i = lo; i < hi; i++) w[i] -= lrF * (g[i] + wd * w[i]);
            return;
        }
        if (first && wd == 0) System.arraycopy(g, lo, buf, lo, hi - lo);
        else if (first) for (int i = lo; i < hi; i++) buf[i] = g[i] + wd * w[i];
        else if (wd == 0) for (int i = lo; i < hi; i++) buf[i] = mom * buf[i] + damp * g[i];
        else for (int i = lo; i < hi; i++) buf[i] = mom * buf[i] + damp * (g[i] + wd * w[i]);
        if (!cfg.nesterov()) for (int i = lo; i < hi; i++) w[i] -= lrF * buf[i];
        else if (wd == 0) for (int i = lo; i < hi; i++) w[i] -= lrF * (g[i] + mom * buf[i]);
        else for (int i = lo; i < hi; i++) w[i] -= lrF * ((g[i] + wd * w[i]) + mom * buf[i]);
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
