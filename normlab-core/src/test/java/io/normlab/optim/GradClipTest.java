package io.normlab.optim;

import static io.normlab.optim.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradClipTest {
    private static double norm(List<Var> ps) {
        double s = 0;
        for (Var p : ps) if (p.grad() != null) for (float g : p.grad().data()) s += (double) g * g;
        return Math.sqrt(s);
    }

    private static List<Var> withGrads(long seed, float scale) {
        List<Var> ps = params(seed);
        for (int k = 0; k < ps.size(); k++) ps.get(k).mul(Var.of(grad((int) seed, k).mul(scale))).sum().backward();
        return ps;
    }

    @Test
    void clipNormReturnsPreClipNormAndScalesToMaxNorm() {
        List<Var> ps = withGrads(1, 10f);
        double before = norm(ps);
        List<float[]> g0 = new ArrayList<>();
        for (Var p : ps) g0.add(p.grad().data().clone());
        double returned = GradClip.clipNorm(ps, 1.0);
        assertEquals(before, returned, 1e-12 * before);
        assertTrue(before > 10, "the test clips: norm " + before);
        assertEquals(1.0, norm(ps), 1e-6);
        double coef = 1.0 / (before + 1e-6);            // torch: max_norm / (total_norm + 1e-6)
        for (int k = 0; k < ps.size(); k++) {
            for (int i = 0; i < g0.get(k).length; i++) {
                assertEquals(g0.get(k)[i] * coef, ps.get(k).grad().data()[i], 1e-6 * Math.abs(g0.get(k)[i] * coef) + 1e-12);
            }
        }
    }

    @Test
    void clipNormBelowMaxNormChangesNothing() {
        List<Var> ps = withGrads(2, 0.01f);
        float[] g = ps.get(0).grad().data().clone();
        double returned = GradClip.clipNorm(ps, 5.0);
        assertEquals(norm(ps), returned, 1e-12);
        assertArrayEquals(g, ps.get(0).grad().data());
    }

    @Test
    void clipNormSkipsParametersWithoutGradient() {
        List<Var> ps = new ArrayList<>(withGrads(3, 5f));
        Var noGrad = Var.param(Tensor.randn(new Rng(4), 6));
        ps.add(noGrad);
        double before = norm(ps);
        assertEquals(before, GradClip.clipNorm(ps, 0.5), 1e-12 * before);
        assertNull(noGrad.grad());
        assertEquals(0.5, norm(ps), 1e-6);
    }

    @Test
    void clipNormReportsNonFiniteNorm() {
        List<Var> ps = withGrads(5, 1f);
        ps.get(1).grad().data()[2] = Float.NaN;
        assertTrue(Double.isNaN(GradClip.clipNorm(ps, 1.0)));
        ps.get(1).grad().data()[2] = Float.POSITIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, GradClip.clipNorm(ps, 1.0));
    }

    @Test
    void clipValueClampsEachElementAndReturnsMaxAbs() {
        List<Var> ps = withGrads(6, 2f);
        List<float[]> g0 = new ArrayList<>();
        float max = 0;
        for (Var p : ps) {
            g0.add(p.grad().data().clone());
            for (float v : p.grad().data()) max = Math.max(max, Math.abs(v));
        }
        assertEquals(max, GradClip.clipValue(ps, 1.0));
        int clipped = 0;
        for (int k = 0; k < ps.size(); k++) {
            for (int i = 0; i < g0.get(k).length; i++) {
                float orig = g0.get(k)[i], now = ps.get(k).grad().data()[i];
                if (Math.abs(orig) > 1f) clipped++;
                assertEquals(Math.max(-1f, Math.min(1f, orig)), now, "param " + k + " element " + i);
            }
        }
        assertTrue(clipped > 0 && clipped < 17, "some but not all elements clipped: " + clipped);
    }
}
