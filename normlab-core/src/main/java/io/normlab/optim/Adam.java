package io.normlab.optim;

import io.normlab.autograd.Var;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019) with PyTorch's exact rule, at
 * step t (from 1):
 * <pre>
 * AdamW: p = p * (1 - lr * weightDecay);   Adam: g = grad + weightDecay * p
 * m = m + (1 - beta1) * (g - m)            (lerp, as PyTorch)
 * v = beta2 * v + (1 - beta2) * g^2
 * p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0 (Adam) or 0.01 (AdamW).
 */
public final class Adam extends Optimizer {
    /** Hyper-parameters; {@code decoupled} selects AdamW's weight decay. */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        public Config {
            if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
            if (eps < 0 || weightDecay < 0) throw new IllegalArgumentException("eps and weight decay must be >= 0");
        }

        /** Adam with PyTorch's defaults. */
        public static Config adam(double lr) {
            return new Config(lr, 0.9, 0.999, 1e-8, 0, false);
        }

        /** AdamW with PyTorch's defaults (weight decay 0.01). */
        public static Config adamW(double lr) {
            return new Config(lr, 0.9, 0.999, 1e-8, 0.01, true);
        }

        public Config withWeightDecay(double wd) {
            return new Config(lr, beta1, beta2, eps, wd, decoupled);
        }

        public Config withBetas(double b1, double b2) {
            return new Config(lr, b1, b2, eps, weightDecay, decoupled);
        }
    }

    private final Config cfg;
    private final float[][] m;
    private final float[][] v;
    private final int[] steps;

    public Adam(List<Var> params, Config cfg) {
        super(params, cfg.lr());
        this.cfg = cfg;
        this.m = new float[params.size()][];
        this.v = new float[params.size()][];
        this.steps = new int[params.size()];
    }

    @Override
    public void step() {
        float b2 = (float) cfg.beta2(), eps = (float) cfg.eps(), wd = (float) cfg.weightDecay();
        // 1 - beta in double, then rounded: 1 - 0.999f would be 0.00099999 (1.3e-5 off PyTorch's 0.001f)
        float oneMinusB1 = (float) (1 - cfg.beta1()), oneMinusB2 = (float) (1 - cfg.beta2());
        for (int k = 0; k < params.size(); k++) {
            Var p = params.get(k);
            if (p.grad() == null) continue;
            float[] w = p.value().data(), g = p.grad().data();
            if (m[k] == null) {
                m[k] = new float[w.length];
                v[k] = new float[w.length];
            }
            int t = ++steps[k];
            double bc1 = 1 - Math.pow(cfg.beta1(), t), bc2 = 1 - Math.pow(cfg.beta2(), t);
            float stepSize = (float) (lr / bc1);
            float bc2Sqrt = (float) Math.sqrt(bc2);
            float decay = (float) (1 - lr * cfg.weightDecay());
            float[] mk = m[k], vk = v[k];
            boolean decoupled = wd != 0 && cfg.decoupled();
            float l2 = wd != 0 && !cfg.decoupled() ? wd : 0f; // Adam's L2 term; AdamW decays the weight instead
            Parallel.forRange(w.length, GRAIN, (c, lo, hi) -> {
                if (decoupled) for (int i = lo; i < hi; i++) w[i] *= decay;
                update(w, g, l2, mk, vk, lo, hi, oneMinusB1, b2, oneMinusB2, bc2Sqrt, eps, stepSize);
            });
        }
    }

    /** The moments and the step on elements [lo, hi), with the L2 term {@code wd * w} added to the gradient (0 for none). */
    private static void update(float[] w, float[] g, float wd, float[] mk, float[] vk, int lo, int hi, float oneMinusB1,
                               float b2, float oneMinusB2, float bc2Sqrt, float eps, float stepSize) {
        for (int i = lo; i < hi; i++) {
            float gi = wd != 0 ? g[i] + wd * w[i] : g[i];
            mk[i] += oneMinusB1 * (gi - mk[i]);
            vk[i] = b2 * vk[i] + oneMinusB2 * gi * gi;
            float denom = (float) Math.sqrt(vk[i]) / bc2Sqrt + eps;
            w[i] -= stepSize * (mk[i] / denom);
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int k = 0; k < params.size(); k++) {
            if (m[k] == null) continue;
            s.put(k + ".exp_avg", Tensor.wrap(m[k], params.get(k).shape()));
            s.put(k + ".exp_avg_sq", Tensor.wrap(v[k], params.get(k).shape()));
            s.put(k + ".step", Tensor.scalar(steps[k]));
        }
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        for (int k = 0; k < params.size(); k++) {
            Tensor tm = state.get(k + ".exp_avg");
            if (tm == null) {
                m[k] = v[k] = null;
                steps[k] = 0;
                continue;
            }
            m[k] = OptimState.checked(tm, params.get(k), k + ".exp_avg").data().clone();
            Tensor tv = state.get(k + ".exp_avg_sq");
            if (tv == null) throw new IllegalArgumentException("optimizer state: missing '" + k + ".exp_avg_sq'");
            v[k] = OptimState.checked(tv, params.get(k), k + ".exp_avg_sq").data().clone();
            Tensor ts = state.get(k + ".step");
            if (ts == null) throw new IllegalArgumentException("optimizer state: missing '" + k + ".step'");
            steps[k] = (int) ts.item();
        }
    }
}
