package io.normlab.optim;

import static io.normlab.optim.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.io.SafeTensors;
import io.normlab.io.SafeTensorsWriter;
import io.normlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD against PyTorch's update rule written out in double (torch.optim.SGD, single-tensor path). */
class SgdTest {
    private static final int STEPS = 6;

    /** Runs the optimizer and the reference side by side for STEPS steps. */
    private static void check(Sgd.Config cfg) {
        List<Var> ps = params(1);
        double[][] p = toDouble(ps);
        double[][] buf = new double[ps.size()][];
        Sgd opt = new Sgd(ps, cfg);
        for (int t = 0; t < STEPS; t++) {
            setGrads(ps, t);
            opt.step();
            for (int k = 0; k < p.length; k++) {
                double[] g = gradDouble(t, k);
                for (int i = 0; i < g.length; i++) {
                    double d = g[i] + cfg.weightDecay() * p[k][i];
                    if (cfg.momentum() != 0) {
                        if (buf[k] == null) buf[k] = new double[g.length];
                        buf[k][i] = t == 0 ? d : cfg.momentum() * buf[k][i] + (1 - cfg.dampening()) * d;
                        d = cfg.nesterov() ? d + cfg.momentum() * buf[k][i] : buf[k][i];
                    }
                    p[k][i] -= cfg.lr() * d;
                }
                assertClose(cfg + " step " + t + " param " + k, p[k], ps.get(k).value().data(), 1e-6);
            }
        }
    }

    @Test
    void plain() {
        check(Sgd.Config.of(0.1));
    }

    @Test
    void momentum() {
        check(Sgd.Config.of(0.05).withMomentum(0.9));
    }

    @Test
    void dampening() {
        check(Sgd.Config.of(0.05).withMomentum(0.9).withDampening(0.3));
    }

    @Test
    void nesterov() {
        check(Sgd.Config.of(0.05).withMomentum(0.8).withNesterov(true));
    }

    @Test
    void weightDecay() {
        check(Sgd.Config.of(0.1).withWeightDecay(0.05));
        check(Sgd.Config.of(0.05).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01));
    }

    @Test
    void plainSgdIsExactlyPMinusLrG() {
        List<Var> ps = params(2);
        float[] before = ps.get(0).value().data().clone();
        setGrads(ps, 0);
        new Sgd(ps, Sgd.Config.of(0.25)).step();
        float[] g = grad(0, 0).data();
        for (int i = 0; i < g.length; i++) assertEquals(before[i] - 0.25f * g[i], ps.get(0).value().data()[i]);
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        List<Var> ps = params(3);
        float[] frozen = ps.get(1).value().data().clone();
        Sgd opt = new Sgd(ps, Sgd.Config.of(0.1).withMomentum(0.9).withWeightDecay(0.1));
        ps.get(0).mul(Var.of(grad(0, 0))).sum().backward();
        opt.step();
        assertArrayEquals(frozen, ps.get(1).value().data());
        assertNull(opt.state().get("1.momentum_buffer"));
        assertNotNull(opt.state().get("0.momentum_buffer"));
    }

    @Test
    void stateRoundTripResumesBitIdentically() {
        Sgd.Config cfg = Sgd.Config.of(0.05).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01);
        List<Var> a = params(4);
        Sgd optA = new Sgd(a, cfg);
        for (int t = 0; t < 3; t++) {
            setGrads(a, t);
            optA.step();
        }
        // checkpoint through safetensors bytes, as a training checkpoint would
        SafeTensors saved = SafeTensors.parse(new SafeTensorsWriter().putAll(optA.state()).toBytes(), "sgd-state");
        List<Var> b = List.of(Var.param(a.get(0).value().copy()), Var.param(a.get(1).value().copy()));
        Sgd optB = new Sgd(b, cfg);
        java.util.Map<String, Tensor> state = new java.util.HashMap<>();
        for (String n : saved.names()) state.put(n, saved.tensor(n));
        optB.loadState(state);
        for (int t = 3; t < 6; t++) {
            setGrads(a, t);
            setGrads(b, t);
            optA.step();
            optB.step();
        }
        for (int k = 0; k < 2; k++) assertArrayEquals(a.get(k).value().data(), b.get(k).value().data(), "param " + k);
    }

    @Test
    void badStateShapeAndConfigAreRejected() {
        List<Var> ps = params(5);
        Sgd opt = new Sgd(ps, Sgd.Config.of(0.1).withMomentum(0.9));
        var ex = assertThrows(IllegalArgumentException.class, () -> opt.loadState(java.util.Map.of("0.momentum_buffer", Tensor.zeros(4, 3))));
        assertTrue(ex.getMessage().contains("0.momentum_buffer") && ex.getMessage().contains("[4, 3]"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sgd.Config.of(0.1).withNesterov(true));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, Sgd.Config.of(-1)));
    }

    @Test
    void learningRateChangesApplyToTheNextStep() {
        List<Var> ps = params(6);
        double[][] p = toDouble(ps);
        Sgd opt = new Sgd(ps, Sgd.Config.of(1.0));
        LrSchedule sched = LrSchedule.stepDecay(0.2, 2, 0.5);
        for (int t = 0; t < 5; t++) {
            opt.setLearningRate(sched.at(t));
            setGrads(ps, t);
            opt.step();
            double[] g = gradDouble(t, 0);
            for (int i = 0; i < g.length; i++) p[0][i] -= sched.at(t) * g[i];
        }
        assertClose("scheduled sgd", p[0], ps.get(0).value().data(), 1e-6);
    }
}
