package io.normlab.data;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Seeded synthetic sequence tasks with long-range dependencies, the classic tests of whether a
 * recurrent network carries information (and gradient) across many steps. Layout (N, T, F):
 * sample, time step, feature. Same arguments and seed, same bits.
 */
public final class SyntheticTasks {
    private SyntheticTasks() {}

    /** Sequences with one real-valued target per sequence. */
    public record Regression(Tensor inputs, Tensor targets, String provenance) {}

    /**
     * Sequences with one class label per time step: {@code targets[n * steps + t]} is the label of
     * step t of sequence n (row-major (N, T)).
     */
    public record StepLabels(Tensor inputs, int[] targets, int steps, int classes, String provenance) {}

    /**
     * The adding problem (Hochreiter and Schmidhuber 1997, in the form of Le, Jaitly and Hinton 2015):
     * inputs (N, T, 2); feature 0 holds values drawn from U(0, 1), feature 1 marks exactly two steps
     * with 1 (one uniformly in the first half, one in the second half) and is 0 elsewhere. The target
     * (N, 1) is the sum of the two marked values. Always predicting 1 gives a mean squared error of
     * 1/6, the baseline a model must beat. Requires T >= 2.
     */
    public static Regression adding(int n, int steps, long seed) {
        if (n < 1 || steps < 2) throw new IllegalArgumentException("adding problem: need n >= 1 and steps >= 2, got n=" + n + ", steps=" + steps);
        Rng rng = new Rng(seed);
        float[] x = new float[n * steps * 2], y = new float[n];
        int half = steps / 2;
        for (int s = 0; s < n; s++) {
            int base = s * steps * 2;
            for (int t = 0; t < steps; t++) x[base + 2 * t] = rng.nextFloat();
            int a = rng.nextInt(half), b = half + rng.nextInt(steps - half);
            x[base + 2 * a + 1] = 1;
            x[base + 2 * b + 1] = 1;
            y[s] = x[base + 2 * a] + x[base + 2 * b];
        }
        return new Regression(Tensor.wrap(x, n, steps, 2), Tensor.wrap(y, n, 1),
                String.format("adding problem, %d sequences of %d steps, seed %d", n, steps, seed));
    }

    /**
     * The copy-memory task (Hochreiter and Schmidhuber 1997; Arjovsky, Shah and Bengio 2016):
     * {@code length} symbols drawn from 1..{@code symbols}, then {@code delay - 1} blanks (0), then a
     * go marker ({@code symbols + 1}), then {@code length} blanks; the network must output blanks
     * until the marker and then repeat the symbols. T = delay + 2 * length steps; inputs one-hot
     * (N, T, symbols + 2); per-step labels in [0, symbols] (0 = blank). Predicting blanks and then
     * uniform symbols gives a cross-entropy of {@code length * ln(symbols) / T}, the baseline.
     */
    public static StepLabels copyMemory(int n, int length, int delay, int symbols, long seed) {
        if (n < 1 || length < 1 || delay < 1 || symbols < 1) {
            throw new IllegalArgumentException("copy task: n, length, delay and symbols must be >= 1, got " + n + ", " + length + ", " + delay + ", " + symbols);
        }
        int steps = delay + 2 * length, features = symbols + 2;
        Rng rng = new Rng(seed);
        float[] x = new float[n * steps * features];
        int[] y = new int[n * steps];
        for (int s = 0; s < n; s++) {
            int[] in = new int[steps];
            for (int t = 0; t < length; t++) {
                in[t] = 1 + rng.nextInt(symbols);
                y[s * steps + delay + length + t] = in[t];
            }
            in[length + delay - 1] = symbols + 1;
            for (int t = 0; t < steps; t++) x[(s * steps + t) * features + in[t]] = 1;
        }
        return new StepLabels(Tensor.wrap(x, n, steps, features), y, steps, symbols + 1,
                String.format("copy-memory task, %d sequences, %d symbols of %d kinds, delay %d, seed %d", n, length, symbols, delay, seed));
    }
}
