package io.normlab.diagnostics;

/** Sums of squared gradients per time step for one {@link Monitor#trackThroughTime} call. */
final class TimeTrack {
    private final String name;
    private final double[] sq;

    TimeTrack(String name, int steps) {
        this.name = name;
        this.sq = new double[steps];
    }

    /** Adds ||g||^2 for time step t (a state reached twice accumulates). */
    void add(int t, double s) {
        sq[t] += s;
    }

    TimeGradients toRecord() {
        double[] n = new double[sq.length];
        for (int t = 0; t < n.length; t++) n[t] = Math.sqrt(sq[t]);
        return new TimeGradients(name, n);
    }
}
