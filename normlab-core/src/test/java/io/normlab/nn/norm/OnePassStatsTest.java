package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.normlab.tensor.NormLoops;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Stats#moments}: one pass of shifted sums, with the two-pass fallback when the shift is far
 * from the mean. Compared with means and variances in double, on awkward layouts, for offset data,
 * constant data (variance exactly 0) and groups that open with outliers (the fallback), through
 * both the plain-Java and the active {@link NormLoops}.
 */
class OnePassStatsTest {
    private static final List<NormLayout> LAYOUTS = List.of(
            NormLayout.perChannel(7, 5, 33), NormLayout.perChannel(3, 2, 5000), NormLayout.perSample(5, 6, 17, 3),
            NormLayout.perSample(9, 1, 3, 1), NormLayout.perSample(2, 4, 1, 4), NormLayout.perSample(4, 1, 4099, 1));

    private static void check(String what, float[] x, NormLayout l) {
        for (NormLoops loops : List.of(NormLoops.plain(), NormLoops.current())) {
            int k = l.statCount();
            double[] mean = new double[k], var = new double[k];
            for (int g = 0; g < k; g++) Stats.moments(loops, x, l, true, g, mean, var, new double[2]);
            double[] em = new double[k], ev = new double[k];
            int s = l.s();
            for (int i = 0; i < x.length; i++) em[l.statOfRow(i / s)] += x[i];
            for (int g = 0; g < k; g++) em[g] /= l.groupSize();
            for (int i = 0; i < x.length; i++) {
                int g = l.statOfRow(i / s);
                ev[g] += (x[i] - em[g]) * (x[i] - em[g]);
            }
            for (int g = 0; g < k; g++) {
                ev[g] /= l.groupSize();
                String w = loops.getClass().getSimpleName() + " " + what + " " + l + " group " + g;
                assertEquals(em[g], mean[g], 1e-6 * (Math.abs(em[g]) + Math.sqrt(ev[g])) + 1e-9, w + ": mean");
                assertEquals(ev[g], var[g], 1e-5 * ev[g] + 1e-12, w + ": var");
            }
        }
    }

    @Test
    void offsetNoise() {
        Rng rng = new Rng(11);
        for (NormLayout l : LAYOUTS) {
            for (float offset : new float[] {0f, 1e4f, -3e3f}) check("offset " + offset, Tensor.randn(rng, offset, 1f, l.numel()).data(), l);
        }
    }

    @Test
    void constantDataHasZeroVariance() {
        for (NormLayout l : LAYOUTS) {
            float[] x = new float[l.numel()];
            java.util.Arrays.fill(x, 0.1f);
            double[] mean = new double[l.statCount()], var = new double[l.statCount()];
            for (NormLoops loops : List.of(NormLoops.plain(), NormLoops.current())) {
                for (int g = 0; g < l.statCount(); g++) {
                    Stats.moments(loops, x, l, true, g, mean, var, new double[2]);
                    assertEquals(0.0, var[g], 0.0, l + " group " + g + ": variance of constant data");
                    assertEquals(0.1f, (float) mean[g], 0f, l + " group " + g + ": mean of constant data");
                }
            }
        }
    }

    @Test
    void groupsOpeningWithOutliersFallBackToTwoPasses() {
        Rng rng = new Rng(12);
        for (NormLayout l : LAYOUTS) {
            float[] x = Tensor.randn(rng, 1e4f, 1f, l.numel()).data();
            int s = l.s();
            for (int r = 0; r < l.rows(); r++) {
                for (int j = 0; j < Math.min(16, s); j++) x[r * s + j] += 1e3f;
            }
            check("outliers", x, l);
        }
    }
}
