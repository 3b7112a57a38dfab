package io.normlab.diagnostics;

import io.normlab.tensor.Tensor;

/** One layer's running sums during one recorded step; {@link #toStats} makes the row. */
final class LayerAccumulator {
    final LayerInfo info;
    private int calls;
    private TensorScan.Moments moments = TensorScan.Moments.EMPTY;
    private boolean[] alive;
    private boolean deadUntracked;
    private double gradSq;
    private boolean gradSeen;
    double weightNorm = Double.NaN;
    double weightGradNorm = Double.NaN;
    double updateRatio = Double.NaN;
    long nonFinite;

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
