package io.normlab.study;

import java.util.List;
import java.util.Map;

/**
 * What one training run of one arm with one seed measured.
 *
 * @param arm         the arm's name
 * @param seed        the seed
 * @param evalSteps   steps after which validation was measured (0 = before training)
 * @param valAccuracy validation accuracy at those steps
 * @param valLoss     validation loss at those steps
 * @param trainLoss   training loss of every step taken
 * @param profiles    gradient profiles at the probed steps
 * @param divergedAt  the step whose loss or gradient was NaN or infinite, or -1
 * @param stepSeconds median wall time of one training step (forward, backward, update)
 * @param extras      values read by the arm's inspector after training
 */
public record RunResult(String arm, long seed, int[] evalSteps, double[] valAccuracy, double[] valLoss, double[] trainLoss,
                        List<Profile> profiles, int divergedAt, double stepSeconds, Map<String, double[]> extras) {
    public RunResult {
        profiles = List.copyOf(profiles);
        extras = Map.copyOf(extras);
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** Steps taken. */
    public int steps() {
        return trainLoss.length;
    }

    /** Validation accuracy at the last measurement. */
    public double finalAccuracy() {
        return valAccuracy[valAccuracy.length - 1];
    }

    /** The first measured step with validation accuracy at least {@code target}, or NaN. */
    public double stepsTo(double target) {
        for (int i = 0; i < evalSteps.length; i++) if (valAccuracy[i] >= target) return evalSteps[i];
        return Double.NaN;
    }

    /** The profile recorded at {@code step}, or null. */
    public Profile profile(int step) {
        for (Profile p : profiles) if (p.step() == step) return p;
        return null;
    }

    /** The extra value {@code key}, or an exception naming the keys there are. */
    public double[] extra(String key) {
        double[] v = extras.get(key);
        if (v == null) throw new IllegalArgumentException("run " + arm + " seed " + seed + " has no extra '" + key + "' (has " + extras.keySet() + ")");
        return v.clone();
    }
}
