package io.normlab.diagnostics;

import io.normlab.autograd.Var;
import io.normlab.tensor.Tensor;
import java.util.Map;

/** One layer's running sums and weight measurements during one recorded step; {@link #toStats} makes the row. */
final class LayerAccumulator {
    final LayerInfo info;
    private int calls;
    private TensorScan.Moments moments = TensorScan.Moments.EMPTY;
    private boolean[] alive;
    private boolean deadUntracked;
    private double gradSq;
    private boolean gradSeen;
    private double weightNorm = Double.NaN;
    private double weightGradNorm = Double.NaN;
    private double updateRatio = Double.NaN;
    private long nonFinite;

    LayerAccumulator(LayerInfo info) {
        this.info = info;
    }

    /** Adds one forward output; returns its number of non-finite values. */
    long addOutput(Tensor y) {
        calls++;
        boolean[] al = null;
        if (info.kind == LayerKind.RELU && !deadUntracked) {
            int units = TensorScan.units(y.shape());
            if (alive == null) alive = new boolean[units];
            if (alive.length == units) al = alive;
            else deadUntracked = true; // calls with different unit counts: no per-unit meaning
        }
        TensorScan.Moments m = TensorScan.activation(y, info.kind, al);
        moments = moments.merge(m);
        nonFinite += m.nonFinite();
        return m.nonFinite();
    }

    /** Adds one output gradient; returns its number of non-finite values. */
    long addGradient(Tensor g) {
        TensorScan.SumSq s = TensorScan.sumSquares(g);
        gradSq += s.sumSq();
        gradSeen = true;
        nonFinite += s.nonFinite();
        return s.nonFinite();
    }

    /** Reads ||W|| and ||dL/dW|| (NaN without gradients); returns the number of non-finite gradient values. */
    long readWeights() {
        if (info.weights.isEmpty()) return 0;
        double w = 0, g = 0;
        long bad = 0;
        boolean anyGrad = false;
        for (Var p : info.weights) {
            w += TensorScan.sumSquares(p.value()).sumSq();
            if (p.grad() == null) continue;
            TensorScan.SumSq s = TensorScan.sumSquares(p.grad());
            g += s.sumSq();
            bad += s.nonFinite();
            anyGrad = true;
        }
        weightNorm = Math.sqrt(w);
        weightGradNorm = anyGrad ? Math.sqrt(g) : Double.NaN;
        nonFinite += bad;
        return bad;
    }

    /** Copies the weights into {@code buffers} (one reused array per weight). */
    void snapshotWeights(Map<Var, float[]> buffers) {
        for (Var w : info.weights) {
            float[] buf = buffers.get(w);
            if (buf == null || buf.length != w.value().numel()) buffers.put(w, buf = new float[w.value().numel()]);
            System.arraycopy(w.value().data(), 0, buf, 0, buf.length);
        }
    }

    /**
     * Sets the update ratio ||W_after - W_before|| / ||W_before|| from the snapshot and the weight
     * norm read before the step; returns the number of non-finite weights after the step.
     */
    long measureUpdate(Map<Var, float[]> buffers) {
        if (info.weights.isEmpty()) return 0;
        double diff = 0;
        long bad = 0;
        for (Var w : info.weights) {
            float[] old = buffers.get(w);
            diff += TensorScan.sumSquaredDiff(w.value().data(), old, old.length);
            bad += TensorScan.sumSquares(w.value()).nonFinite();
        }
        updateRatio = Math.sqrt(diff) / weightNorm;
        return bad;
    }

    LayerStats toStats() {
        long n = moments.count();
        double mean = n == 0 ? Double.NaN : moments.mean();
        double std = n == 0 ? Double.NaN : Math.sqrt(moments.m2() / n);
        double sat = info.kind.saturates() && n > 0 ? (double) moments.saturated() / n : Double.NaN;
        double dead = Double.NaN;
        if (alive != null && !deadUntracked && alive.length > 0) {
            int d = 0;
            for (boolean a : alive) if (!a) d++;
            dead = (double) d / alive.length;
        }
        return new LayerStats(info.path, info.type, info.kind, calls, n, mean, std, sat, dead,
                gradSeen ? Math.sqrt(gradSq) : Double.NaN, weightNorm, weightGradNorm, updateRatio, nonFinite);
    }
}
