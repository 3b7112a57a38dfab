package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SyntheticTasksTest {
    @Test
    void addingProblemMarksOneStepPerHalfAndSumsThem() {
        SyntheticTasks.Regression r = SyntheticTasks.adding(200, 30, 4);
        assertArrayEquals(new int[] {200, 30, 2}, r.inputs().shape());
        assertArrayEquals(new int[] {200, 1}, r.targets().shape());
        double sq = 0;
        for (int s = 0; s < 200; s++) {
            int first = 0, second = 0;
            double sum = 0;
            for (int t = 0; t < 30; t++) {
                float v = r.inputs().get(s, t, 0), mark = r.inputs().get(s, t, 1);
                assertTrue(v >= 0 && v < 1);
                assertTrue(mark == 0 || mark == 1);
                if (mark == 1) {
                    if (t < 15) first++;
                    else second++;
                    sum += v;
                }
            }
            assertEquals(1, first, "one mark in the first half");
            assertEquals(1, second, "one mark in the second half");
            assertEquals(sum, r.targets().get(s, 0), 1e-6);
            sq += Math.pow(r.targets().get(s, 0) - 1, 2);
        }
        assertEquals(1.0 / 6, sq / 200, 0.04, "baseline MSE of always predicting 1");
        assertArrayEquals(r.inputs().data(), SyntheticTasks.adding(200, 30, 4).inputs().data(), "seeded");
        assertFalse(java.util.Arrays.equals(r.inputs().data(), SyntheticTasks.adding(200, 30, 5).inputs().data()));
    }

    @Test
    void copyTaskRepeatsTheSymbolsAfterTheMarker() {
        int n = 20, length = 4, delay = 6, symbols = 8;
        SyntheticTasks.StepLabels c = SyntheticTasks.copyMemory(n, length, delay, symbols, 1);
        int steps = delay + 2 * length;
        assertEquals(steps, c.steps());
        assertEquals(symbols + 1, c.classes());
        assertArrayEquals(new int[] {n, steps, symbols + 2}, c.inputs().shape());
        for (int s = 0; s < n; s++) {
            int[] in = new int[steps];
            for (int t = 0; t < steps; t++) {
                int hot = -1;
                for (int f = 0; f < symbols + 2; f++) {
                    if (c.inputs().get(s, t, f) == 1) {
                        assertEquals(-1, hot, "one-hot");
                        hot = f;
                    }
                }
                in[t] = hot;
            }
            for (int t = 0; t < length; t++) assertTrue(in[t] >= 1 && in[t] <= symbols);
            for (int t = length; t < steps; t++) assertEquals(t == length + delay - 1 ? symbols + 1 : 0, in[t], "step " + t);
            for (int t = 0; t < delay + length; t++) assertEquals(0, c.targets()[s * steps + t]);
            for (int t = 0; t < length; t++) assertEquals(in[t], c.targets()[s * steps + delay + length + t]);
        }
    }
}
