package io.normlab.diagnostics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The verdicts on one recorded step, with their evidence ({@link Diagnoser#diagnose} makes it).
 *
 * <p>Both ratios are reported because either alone can mislead: in a linear or ReLU net the
 * weight gradient dL/dW_l = dL/dz_l h_{l-1}^T multiplies a shrinking backward signal by a growing
 * forward one, so ||dL/dW|| can stay flat across depth while ||dL/dh|| vanishes or explodes
 * (Glorot and Bengio 2010, eq. 14).
 *
 * @param step               the step
 * @param hidden             the hidden layers, l = 1 first
 * @param actGradRatio       ||dL/dh_1|| / ||dL/dh_L|| (first / last hidden layer)
 * @param weightGradRatio    ||dL/dW_1|| / ||dL/dW_L||
 * @param growthFactor       backward factor per layer of ||dL/dh_l|| ({@link Growth}); NaN below 2 layers
 * @param weightGrowthFactor the same for ||dL/dW_l||
 * @param maxSaturated       largest saturated share over all sigmoid/tanh rows (NaN if none)
 * @param maxDead            largest dead share over all ReLU rows (NaN if none)
 * @param time               through-time evidence of recurrent layers
 * @param verdict            the primary verdict (first of {@code verdicts} in {@link Verdict} order)
 * @param verdicts           every verdict that applies (HEALTHY alone when none does)
 * @param rows               all per-layer rows of the step, in forward order
 * @param nonFinite          the step's first NaN/infinity, or null
 */
public record Diagnosis(int step, List<HiddenLayer> hidden, double actGradRatio, double weightGradRatio,
                        double growthFactor, double weightGrowthFactor, double maxSaturated, double maxDead,
                        List<TimeEvidence> time, Verdict verdict, Set<Verdict> verdicts, List<LayerStats> rows,
                        NonFiniteEvent nonFinite) {
    public Diagnosis {
        hidden = List.copyOf(hidden);
        time = List.copyOf(time);
        EnumSet<Verdict> ordered = EnumSet.noneOf(Verdict.class);
        ordered.addAll(verdicts);
        verdicts = Collections.unmodifiableSet(ordered);
        rows = List.copyOf(rows);
    }

    /**
     * Dead or saturated shares from this one on are worth naming, though below the verdicts'
     * limits: by {@link #summary()}, and by the advisor as a cause of vanishing.
     */
    public static final double NOTABLE_SHARE = 0.1;

    /**
     * One line for progress output: the verdicts, the first/last ratios (with hidden layers), the
     * hidden layer with the largest dead or saturated share when it reaches {@link #NOTABLE_SHARE},
     * the through-time ratio and factor of recurrent layers, and the first NaN:
     * {@code HEALTHY  act-grad first/last 0.812  weight-grad first/last 1.05  (layer 2 dead 12%)}.
     */
    public String summary() {
        return ReportText.summary(this);
    }

    /** True when {@code v} is among the verdicts. */
    public boolean has(Verdict v) {
        return verdicts.contains(v);
    }

    /**
     * The through-time gradient of one recurrent layer.
     *
     * @param gradients the norms ||dL/dh_t||
     * @param ratio     ||dL/dh_0|| / ||dL/dh_{T-1}||
     * @param factor    backward factor per time step
     * @param verdict   VANISHING, EXPLODING, NON_FINITE or HEALTHY, with the depth thresholds
     */
    public record TimeEvidence(TimeGradients gradients, double ratio, double factor, Verdict verdict) {}
}
