package io.normlab.optim;

import io.normlab.autograd.Var;
import java.util.List;

/** Gradient clipping, as torch.nn.utils.clip_grad_norm_ / clip_grad_value_. */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales all gradients by {@code min(1, maxNorm / (total + 1e-6))}, where {@code total} is the
     * L2 norm of all gradients together (computed in double). Returns {@code total}, the norm
     * before clipping (NaN or infinite when a gradient is).
     */
    public static double clipNorm(List<Var> params, double maxNorm) {
        double sq = 0;
        for (Var p : params) {
            if (p.grad() == null) continue;
            for (float g : p.grad().data()) sq += (double) g * g;
        }
        double total = Math.sqrt(sq);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (Var p : params) {
                if (p.grad() == null) continue;
                float[] g = p.grad().data();
                for (int i = 0; i < g.length; i++) g[i] *= c;
            }
        }
        return total;
    }

    /** Clamps every gradient element to {@code [-limit, limit]}. Returns the largest |g| before clipping. */
    public static double clipValue(List<Var> params, double limit) {
        float lim = (float) limit, max = 0;
        for (Var p : params) {
            if (p.grad() == null) continue;
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                max = Math.max(max, Math.abs(g[i]));
                g[i] = Math.max(-lim, Math.min(lim, g[i]));
            }
        }
        return max;
    }
}
