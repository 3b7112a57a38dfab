package io.normlab.optim;

import static io.normlab.optim.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.io.SafeTensors;
import io.normlab.io.SafeTensorsWriter;
import io.normlab.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adam and AdamW against PyTorch's update rule written out in double (torch.optim.Adam/AdamW). */
class AdamTest {
    private static final int STEPS = 6;

    private static void check(Adam.Config cfg) {
        List<Var> ps = params(1);
        double[][] p = toDouble(ps);
        double[][] m = new double[ps.size()][], v = new double[ps.size()][];
        Adam opt = new Adam(ps, cfg);
        for (int t = 1; t <= STEPS; t++) {
            setGrads(ps, t);
            opt.step();
            for (int k = 0; k < p.length; k++) {
                double[] g = gradDouble(t, k);
                if (m[k] == null) {
                    m[k] = new double[g.length];
                    v[k] = new double[g.length];
                }
                double bc1 = 1 - Math.pow(cfg.beta1(), t), bc2 = 1 - Math.pow(cfg.beta2(), t);
                for (int i = 0; i < g.length; i++) {
                    double gi = g[i];
                    if (cfg.decoupled()) p[k][i] *= 1 - cfg.lr() * cfg.weightDecay();
                    else gi += cfg.weightDecay() * p[k][i];
                    m[k][i] = cfg.beta1() * m[k][i] + (1 - cfg.beta1()) * gi;
                    v[k][i] = cfg.beta2() * v[k][i] + (1 - cfg.beta2()) * gi * gi;
                    double mHat = m[k][i] / bc1, vHat = v[k][i] / bc2;
                    p[k][i] -= cfg.lr() * mHat / (Math.sqrt(vHat) + cfg.eps());
                }
                String what = cfg + " step " + t + " param " + k;
                assertClose(what, p[k], ps.get(k).value().data(), 1e-6);
                // The moments are compared relative to themselves: float32 arithmetic keeps them to a
                // few ulps, so a coefficient rounded in float (1 - 0.999f = 0.00099999, 1.3e-5 off)
                // shows here. m is a signed running mean of O(1) gradients (each step adds
                // (1 - beta1) g, rounded at ~1e-8) and can cancel to ~0, so its check is relative only
                // down to 0.1; v (a sum of squares) cannot cancel.
                assertRelative(what + " exp_avg", m[k], opt.state().get(k + ".exp_avg").data(), 2e-6, 0.1);
                assertRelative(what + " exp_avg_sq", v[k], opt.state().get(k + ".exp_avg_sq").data(), 2e-6, 0);
            }
        }
    }

    @Test
    void adamDefaults() {
        check(Adam.Config.adam(0.1));
    }

    @Test
    void adamOtherBetas() {
        check(Adam.Config.adam(0.01).withBetas(0.5, 0.9));
    }

    @Test
    void adamWithL2WeightDecay() {
        check(Adam.Config.adam(0.05).withWeightDecay(0.1));
    }

    @Test
    void adamW() {
        check(Adam.Config.adamW(0.05));
        check(Adam.Config.adamW(0.05).withWeightDecay(0.3));
    }

    @Test
    void firstStepMovesEachWeightByAboutLr() {
        // bias correction makes m_hat / sqrt(v_hat) = g / |g| on step 1
        List<Var> ps = params(2);
        float[] before = ps.get(0).value().data().clone();
        setGrads(ps, 0);
        new Adam(ps, Adam.Config.adam(0.01)).step();
        float[] g = grad(0, 0).data();
        for (int i = 0; i < g.length; i++) {
            assertEquals(-0.01 * Math.signum(g[i]), ps.get(0).value().data()[i] - before[i], 1e-6, "element " + i);
        }
    }

    @Test
    void parametersWithoutGradientAreSkippedAndKeepTheirOwnStepCount() {
        List<Var> ps = params(3);
        float[] frozen = ps.get(1).value().data().clone();
        Adam opt = new Adam(ps, Adam.Config.adamW(0.1));
        ps.get(0).mul(Var.of(grad(0, 0))).sum().backward();
        opt.step();
        assertArrayEquals(frozen, ps.get(1).value().data(), "no gradient: no update, not even weight decay");
        assertNull(opt.state().get("1.exp_avg"));
        // now param 1 gets its first gradient: its own step count is 1 (full bias correction)
        ps.get(0).zeroGrad();
        ps.get(1).mul(Var.of(grad(1, 1))).sum().backward();
        opt.step();
        assertEquals(1f, opt.state().get("0.step").item(), "param 0 had no gradient on step 2");
        assertEquals(1f, opt.state().get("1.step").item());
        float[] g = grad(1, 1).data();
        for (int i = 0; i < g.length; i++) {
            double expected = frozen[i] * (1 - 0.1 * 0.01) - 0.1 * Math.signum(g[i]);
            assertEquals(expected, ps.get(1).value().data()[i], 1e-6, "element " + i);
        }
    }

    @Test
    void stateRoundTripResumesBitIdentically() {
        Adam.Config cfg = Adam.Config.adamW(0.02).withBetas(0.8, 0.99);
        List<Var> a = params(4);
        Adam optA = new Adam(a, cfg);
        for (int t = 0; t < 3; t++) {
            setGrads(a, t);
            optA.step();
        }
        SafeTensors saved = SafeTensors.parse(new SafeTensorsWriter().putAll(optA.state()).toBytes(), "adam-state");
        Map<String, Tensor> state = new HashMap<>();
        for (String n : saved.names()) state.put(n, saved.tensor(n));
        List<Var> b = List.of(Var.param(a.get(0).value().copy()), Var.param(a.get(1).value().copy()));
        Adam optB = new Adam(b, cfg);
        optB.loadState(state);
        for (int t = 3; t < 7; t++) {
            setGrads(a, t);
            setGrads(b, t);
            optA.step();
            optB.step();
        }
        for (int k = 0; k < 2; k++) assertArrayEquals(a.get(k).value().data(), b.get(k).value().data(), "param " + k);
    }

    @Test
    void incompleteOrMisshapedStateIsRejected() {
        Adam opt = new Adam(params(5), Adam.Config.adam(0.1));
        var ex = assertThrows(IllegalArgumentException.class, () -> opt.loadState(Map.of("0.exp_avg", Tensor.zeros(3, 4))));
        assertTrue(ex.getMessage().contains("0.exp_avg_sq"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> opt.loadState(Map.of("1.exp_avg", Tensor.zeros(4))));
        assertTrue(ex.getMessage().contains("1.exp_avg") && ex.getMessage().contains("[4]"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Adam.Config.adam(0.1).withBetas(1.0, 0.9));
    }
}
