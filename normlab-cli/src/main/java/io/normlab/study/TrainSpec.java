package io.normlab.study;

import java.util.Arrays;

/**
 * How one arm trains: optimizer, batch size, number of optimizer steps, clipping, how often to
 * measure validation accuracy and at which steps to record a gradient profile.
 *
 * @param optimizer    the optimizer
 * @param batchSize    samples per step (the last incomplete batch of an epoch is dropped, so
 *                     every step of every arm sees a full batch)
 * @param steps        optimizer steps to take
 * @param clipNorm     global gradient-norm clipping threshold; 0 = off
 * @param evalEvery    validation accuracy after every this many steps (and at step 0 and the end)
 * @param probeSteps   steps (from 0, before that step's update) whose gradients are recorded per layer
 * @param stopAt       stop early once validation accuracy reaches this; NaN = never
 */
public record TrainSpec(OptimizerSpec optimizer, int batchSize, int steps, double clipNorm, int evalEvery,
                        int[] probeSteps, double stopAt) {
    public TrainSpec {
        if (batchSize < 1 || steps < 1 || evalEvery < 1) {
            throw new IllegalArgumentException("TrainSpec: batch size, steps and evalEvery must be >= 1, got " + batchSize + ", " + steps + ", " + evalEvery);
        }
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("TrainSpec: clip norm must be >= 0, got " + clipNorm);
        probeSteps = probeSteps.clone();
        Arrays.sort(probeSteps);
    }

    /** No clipping, no probes, no early stop. */
    public static TrainSpec of(OptimizerSpec optimizer, int batchSize, int steps, int evalEvery) {
        return new TrainSpec(optimizer, batchSize, steps, 0, evalEvery, new int[0], Double.NaN);
    }

    @Override
    public int[] probeSteps() {
        return probeSteps.clone();
    }

    public boolean probes(int step) {
        return Arrays.binarySearch(probeSteps, step) >= 0;
    }

    public TrainSpec withProbes(int... steps) {
        return new TrainSpec(optimizer, batchSize, this.steps, clipNorm, evalEvery, steps, stopAt);
    }

    /** Probes at 0, every, 2*every, ... below the step count. */
    public TrainSpec withProbesEvery(int every) {
        int[] s = new int[(steps + every - 1) / every];
        for (int i = 0; i < s.length; i++) s[i] = i * every;
        return withProbes(s);
    }

    public TrainSpec withClipNorm(double c) {
        return new TrainSpec(optimizer, batchSize, steps, c, evalEvery, probeSteps, stopAt);
    }

    public TrainSpec withStopAt(double accuracy) {
        return new TrainSpec(optimizer, batchSize, steps, clipNorm, evalEvery, probeSteps, accuracy);
    }

}
