package io.normlab.diagnostics;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Turns a {@link StepRecord} into a {@link Diagnosis}: finds the hidden layers, computes the
 * first/last ratios and growth factors, and applies the {@link Thresholds}.
 *
 * <p>Per hidden layer l: NON_FINITE if its rows saw a NaN/infinity; else DEAD or SATURATED if its
 * ReLU or sigmoid/tanh rows cross {@link Thresholds#DEAD_FRACTION} or
 * {@link Thresholds#SATURATED_FRACTION}; else VANISHING or EXPLODING when ||dL/dh_l|| / ||dL/dh_L||
 * is below {@link Thresholds#VANISHING_RATIO} or above {@link Thresholds#EXPLODING_RATIO}; else
 * HEALTHY. The network gets NON_FINITE, DEAD, SATURATED from any row (output layer included), and
 * VANISHING (EXPLODING) when the activation- or weight-gradient first/last ratio crosses the ratio
 * limit, or, with at least {@link Thresholds#MIN_LAYERS_FOR_FACTOR} hidden layers, when the
 * activation-gradient growth factor crosses {@link Thresholds#VANISHING_FACTOR}
 * ({@link Thresholds#EXPLODING_FACTOR}). A recurrent layer's gradient through time
 * ({@link Monitor#trackThroughTime}) that vanishes, explodes or is not finite adds that verdict to
 * the network's.
 */
public final class Diagnoser {
    private Diagnoser() {}

    /** The diagnosis of one step. */
    public static Diagnosis diagnose(StepRecord rec) {
        List<List<LayerStats>> blocks = blocks(rec.layers());
        int hiddenCount = Math.max(0, blocks.size() - 1);
        double[] g = new double[hiddenCount], w = new double[hiddenCount];
        for (int l = 0; l < hiddenCount; l++) {
            List<LayerStats> b = blocks.get(l);
            g[l] = b.get(b.size() - 1).actGradNorm();
            w[l] = b.get(0).weightGradNorm();
        }
        double gLast = hiddenCount == 0 ? Double.NaN : g[hiddenCount - 1];
        double wLast = hiddenCount == 0 ? Double.NaN : w[hiddenCount - 1];
        List<HiddenLayer> hidden = new ArrayList<>(hiddenCount);
        for (int l = 0; l < hiddenCount; l++) hidden.add(hiddenLayer(l, blocks.get(l), g[l], w[l], g[l] / gLast, w[l] / wLast));

        double actRatio = hiddenCount == 0 ? Double.NaN : g[0] / gLast;
        double weightRatio = hiddenCount == 0 ? Double.NaN : w[0] / wLast;
        double growth = Growth.backwardFactor(g), weightGrowth = Growth.backwardFactor(w);
        double maxSat = Double.NaN, maxDead = Double.NaN;
        long nonFinite = 0;
        for (LayerStats s : rec.layers()) {
            maxSat = maxOf(maxSat, s.saturatedFraction());
            maxDead = maxOf(maxDead, s.deadFraction());
            nonFinite += s.nonFinite();
        }
        EnumSet<Verdict> v = EnumSet.noneOf(Verdict.class);
        if (nonFinite > 0 || rec.nonFinite() != null) v.add(Verdict.NON_FINITE);
        if (maxDead > Thresholds.DEAD_FRACTION) v.add(Verdict.DEAD);
        if (maxSat > Thresholds.SATURATED_FRACTION) v.add(Verdict.SATURATED);
        boolean useFactor = hiddenCount >= Thresholds.MIN_LAYERS_FOR_FACTOR;
        if (actRatio > Thresholds.EXPLODING_RATIO || weightRatio > Thresholds.EXPLODING_RATIO
                || (useFactor && growth > Thresholds.EXPLODING_FACTOR)) v.add(Verdict.EXPLODING);
        if (actRatio < Thresholds.VANISHING_RATIO || weightRatio < Thresholds.VANISHING_RATIO
                || (useFactor && growth < Thresholds.VANISHING_FACTOR)) v.add(Verdict.VANISHING);
        List<Diagnosis.TimeEvidence> time = new ArrayList<>();
        for (TimeGradients t : rec.time()) {
            Diagnosis.TimeEvidence e = timeEvidence(t);
            time.add(e);
            if (e.verdict() != Verdict.HEALTHY) v.add(e.verdict()); // vanishing through time is the network's problem too
        }
        if (v.isEmpty()) v.add(Verdict.HEALTHY);
        return new Diagnosis(rec.step(), hidden, actRatio, weightRatio, growth, weightGrowth, maxSat, maxDead, time,
                v.iterator().next(), v, rec.layers(), rec.nonFinite());
    }

    /**
     * Diagnoses {@code model} as it is, on one batch: attaches a {@link Monitor} (a NaN or infinity
     * is recorded, not thrown, and gives the NON_FINITE verdict), runs one forward of {@code x} and
     * one backward of the mean cross-entropy against {@code labels}, detaches, and diagnoses that
     * step. The model keeps its mode (in train mode BatchNorm uses the batch's statistics, as at the
     * first training step); the gradients accumulate into the parameters' {@code grad}.
     */
    public static Diagnosis probe(Module model, Tensor x, int[] labels) {
        try (Monitor mon = Monitor.attach(model, Monitor.Options.defaults().withOnNonFinite(Monitor.OnNonFinite.RECORD).withTrackUpdates(false))) {
            Losses.crossEntropy(model.forward(Var.of(x)), labels).backward();
            return diagnose(mon.endStep());
        }
    }

    /** Diagnoses each record, in order. */
    public static List<Diagnosis> diagnoseAll(List<StepRecord> records) {
        List<Diagnosis> out = new ArrayList<>(records.size());
        for (StepRecord r : records) out.add(diagnose(r));
        return out;
    }

    /** Rows grouped into blocks, each starting at a weight or recurrent layer; rows before the first one are dropped. */
    static List<List<LayerStats>> blocks(List<LayerStats> rows) {
        List<List<LayerStats>> blocks = new ArrayList<>();
        for (LayerStats s : rows) {
            if (s.kind() == LayerKind.WEIGHT || s.kind() == LayerKind.RECURRENT) blocks.add(new ArrayList<>());
            if (!blocks.isEmpty()) blocks.get(blocks.size() - 1).add(s);
        }
        return blocks;
    }

    private static HiddenLayer hiddenLayer(int l, List<LayerStats> block, double g, double w, double actRatio, double weightRatio) {
        double sat = Double.NaN, dead = Double.NaN;
        long bad = 0;
        String activation = "";
        for (LayerStats s : block) {
            sat = maxOf(sat, s.saturatedFraction());
            dead = maxOf(dead, s.deadFraction());
            bad += s.nonFinite();
            if (s.kind().isActivation()) activation = s.type();
        }
        Verdict v;
        if (bad > 0) v = Verdict.NON_FINITE;
        else if (dead > Thresholds.DEAD_FRACTION) v = Verdict.DEAD;
        else if (sat > Thresholds.SATURATED_FRACTION) v = Verdict.SATURATED;
        else if (actRatio > Thresholds.EXPLODING_RATIO) v = Verdict.EXPLODING;
        else if (actRatio < Thresholds.VANISHING_RATIO) v = Verdict.VANISHING;
        else v = Verdict.HEALTHY;
        return new HiddenLayer(l + 1, block.get(0).path(), block.get(block.size() - 1).path(), activation,
                g, w, actRatio, weightRatio, sat, dead, bad, v);
    }

    private static Diagnosis.TimeEvidence timeEvidence(TimeGradients t) {
        double ratio = t.firstToLastRatio(), factor = t.factorPerStep();
        double[] n = t.norms();
        boolean bad = false;
        for (double x : n) bad |= !Double.isFinite(x);
        Verdict v;
        boolean useFactor = n.length >= Thresholds.MIN_LAYERS_FOR_FACTOR;
        if (bad) v = Verdict.NON_FINITE;
        else if (ratio > Thresholds.EXPLODING_RATIO || (useFactor && factor > Thresholds.EXPLODING_FACTOR)) v = Verdict.EXPLODING;
        else if (ratio < Thresholds.VANISHING_RATIO || (useFactor && factor < Thresholds.VANISHING_FACTOR)) v = Verdict.VANISHING;
        else v = Verdict.HEALTHY;
        return new Diagnosis.TimeEvidence(t, ratio, factor, v);
    }

    private static double maxOf(double acc, double x) {
        if (Double.isNaN(x)) return acc;
        return Double.isNaN(acc) ? x : Math.max(acc, x);
    }
}
