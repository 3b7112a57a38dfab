package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.NormLoops;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused kernels ({@link NormKernel}, {@link NormBackward}) against the simple reference loops
 * ({@link NormReference}) fed with statistics computed in double here, for every layout they
 * cover (runs with and without a vector tail, column-wise batch statistics, per-element affine),
 * with and without gamma and beta, with statistics of x and given ones, and through both the
 * plain-Java and the active {@link NormLoops}.
 */
class FusedKernelTest {
    private static final float EPS = 1e-5f;

    private record Case(String name, NormLayout layout, boolean centered, NormCore.AffineAxis affine) {}

    private static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        cs.add(new Case("batch runs", NormLayout.perChannel(8, 16, 100), true, NormCore.AffineAxis.CHANNEL));
        cs.add(new Case("batch columns", NormLayout.perChannel(70, 37, 1), true, NormCore.AffineAxis.CHANNEL));
        cs.add(new Case("batch short runs", NormLayout.perChannel(9, 5, 3), true, NormCore.AffineAxis.CHANNEL));
        cs.add(new Case("group", NormLayout.perSample(6, 12, 50, 4), true, NormCore.AffineAxis.CHANNEL));
        cs.add(new Case("instance", NormLayout.perSample(6, 12, 64, 12), true, NormCore.AffineAxis.CHANNEL));
        cs.add(new Case("layer", NormLayout.perSample(40, 1, 100, 1), true, NormCore.AffineAxis.ELEMENT));
        cs.add(new Case("rms", NormLayout.perSample(40, 1, 100, 1), false, NormCore.AffineAxis.ELEMENT));
        cs.add(new Case("element over channels", NormLayout.perSample(5, 3, 40, 1), true, NormCore.AffineAxis.ELEMENT));
        return cs;
    }

    /** Means and biased variances in double by the textbook two passes. */
    private static Stats exactStats(float[] x, NormLayout l, boolean centered) {
        int k = l.statCount(), s = l.s();
        double[] mean = new double[k], var = new double[k];
        double m = l.groupSize();
        if (centered) for (int i = 0; i < x.length; i++) mean[l.statOfRow(i / s)] += x[i];
        for (int g = 0; g < k; g++) mean[g] /= m;
        for (int i = 0; i < x.length; i++) {
            int g = l.statOfRow(i / s);
            var[g] += (x[i] - mean[g]) * (x[i] - mean[g]);
        }
        for (int g = 0; g < k; g++) var[g] /= m;
        return Stats.of(mean, var, l.groupSize());
    }

    @Test
    void fusedKernelsMatchTheReferenceLoops() {
        NormLoops active = NormLoops.current();
        for (NormLoops loops : List.of(NormLoops.plain(), active)) {
            NormLoops previous = NormLoops.use(loops);
            try {
                for (Case c : cases()) {
                    for (float offset : new float[] {0f, 1e4f}) {
                        for (int affine = 0; affine < 3; affine++) {
                            check(c, offset, affine, true, loops.getClass().getSimpleName());
                        }
                        check(c, offset, 0, false, loops.getClass().getSimpleName());
                    }
                }
            } finally {
                NormLoops.use(previous);
            }
        }
    }

    /** affine 0: gamma and beta; 1: gamma only; 2: neither. */
    private static void check(Case c, float offset, int affine, boolean statsOfX, String loops) {
        NormLayout l = c.layout();
        NormCore.Spec spec = new NormCore.Spec(l, c.centered(), EPS, c.affine());
        Rng rng = new Rng(31 + affine);
        int params = c.affine() == NormCore.AffineAxis.ELEMENT ? l.c() * l.s() : l.c();
        float[] x = Tensor.randn(rng, offset, 1.5f, l.numel()).data(), dy = Tensor.randn(rng, l.numel()).data();
        float[] gamma = affine < 2 ? Tensor.randn(rng, 1f, 0.5f, params).data() : null;
        float[] beta = affine == 0 ? Tensor.randn(rng, params).data() : null;
        String what = loops + " " + c.name() + " offset " + offset + " affine " + affine + (statsOfX ? "" : " given stats");
        Stats exact = exactStats(x, l, c.centered());
        Stats given = statsOfX ? null : Stats.fixed(toFloat(exact.means()), toFloat(exact.vars()));
        Stats ref = statsOfX ? exact : given;
        float[] yRef = new float[x.length];
        NormKernel.Output o = NormKernel.forward(x, spec, given, gamma, beta, null);
        float[] y = o.y();
        Stats st = o.stats();
        NormReference.forward(x, spec, ref, gamma, beta, yRef);
        for (int g = 0; g < st.size(); g++) {
            assertEquals(ref.mean(g), st.mean(g), 1e-6 * (Math.abs(ref.mean(g)) + 1), what + ": mean " + g);
            assertEquals(ref.var(g), st.var(g), 2e-5 * ref.var(g), what + ": var " + g);
        }
        Checks.close(what + ": y", Tensor.wrap(yRef, x.length), Tensor.wrap(y, x.length), 2e-5);
        NormKernel.Grads got = NormKernel.backward(dy, x, spec, st, statsOfX, gamma, true, gamma != null, beta != null);
        NormKernel.Grads want = NormReference.backward(dy, x, spec, ref, statsOfX, gamma, true, gamma != null, beta != null);
        Checks.close(what + ": dx", Tensor.wrap(want.dx(), x.length), Tensor.wrap(got.dx(), x.length), 2e-5);
        if (gamma != null) Checks.close(what + ": dgamma", Tensor.wrap(want.dgamma(), params), Tensor.wrap(got.dgamma(), params), 2e-5);
        else assertNull(got.dgamma(), what);
        if (beta != null) Checks.close(what + ": dbeta", Tensor.wrap(want.dbeta(), params), Tensor.wrap(got.dbeta(), params), 2e-5);
        else assertNull(got.dbeta(), what);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
