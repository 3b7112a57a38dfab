package io.normlab.optim;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Values of torch.optim.lr_scheduler's closed forms, worked out by hand. */
class LrScheduleTest {
    private static final double EPS = 1e-12;

    @Test
    void constant() {
        LrSchedule s = LrSchedule.constant(0.3);
        assertEquals(0.3, s.at(0));
        assertEquals(0.3, s.at(1000));
    }

    @Test
    void stepDecayIsStepLR() {
        LrSchedule s = LrSchedule.stepDecay(1.0, 3, 0.1);   // StepLR(step_size=3, gamma=0.1)
        double[] expected = {1, 1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001};
        for (int t = 0; t < expected.length; t++) assertEquals(expected[t], s.at(t), EPS, "step " + t);
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.stepDecay(1, 0, 0.5));
    }

    @Test
    void cosineIsCosineAnnealingLR() {
        LrSchedule s = LrSchedule.cosine(1.0, 10, 0.1);     // CosineAnnealingLR(T_max=10, eta_min=0.1)
        assertEquals(1.0, s.at(0), EPS);
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 5)) / 2, s.at(2), EPS);
        assertEquals(0.9140576474687264, s.at(2), 1e-12);
        assertEquals(0.55, s.at(5), EPS);
        assertEquals(0.1, s.at(10), EPS);
        assertEquals(0.1, s.at(25), EPS, "held at the minimum after T_max");
        for (int t = 1; t <= 10; t++) assertTrue(s.at(t) < s.at(t - 1), "decreasing at " + t);
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(1, 0, 0));
    }

    @Test
    void warmupRampsLinearlyIntoTheWrappedSchedule() {
        LrSchedule base = LrSchedule.cosine(1.0, 10, 0);
        LrSchedule s = base.withWarmup(4);
        assertEquals(0.25, s.at(0), EPS);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 10)) / 2, s.at(1), EPS);
        assertEquals(0.75 * base.at(2), s.at(2), EPS);
        assertEquals(base.at(3), s.at(3), EPS);
        assertEquals(base.at(4), s.at(4), EPS);
        assertEquals(base.at(9), s.at(9), EPS);
        assertEquals(0.05, LrSchedule.constant(0.1).withWarmup(2).at(0), EPS);
        assertEquals(0.1, LrSchedule.constant(0.1).withWarmup(0).at(0), EPS);
        assertThrows(IllegalArgumentException.class, () -> base.withWarmup(-1));
    }
}
