package io.normlab.study;

import io.normlab.diagnostics.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The runs of an experiment by arm (seeds in order), and the aggregations the studies share:
 * per-seed values, effects, curves with min-max bands, depth profiles and heat maps.
 */
public final class Results {
    private final Map<String, List<RunResult>> byArm;
    private final List<Long> seeds;

    Results(Map<String, List<RunResult>> byArm, List<Long> seeds) {
        this.byArm = byArm;
        this.seeds = List.copyOf(seeds);
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** The runs of {@code arm}, in seed order. */
    public List<RunResult> runs(String arm) {
        List<RunResult> r = byArm.get(arm);
        if (r == null) throw new IllegalArgumentException("no arm '" + arm + "'; arms: " + byArm.keySet());
        return r;
    }

    /** {@code f} of each run of {@code arm}, in seed order. */
    public double[] perSeed(String arm, ToDoubleFunction<RunResult> f) {
        return runs(arm).stream().mapToDouble(f).toArray();
    }

    public Spread spread(String arm, ToDoubleFunction<RunResult> f) {
        return Spread.of(perSeed(arm, f));
    }

    public double median(String arm, ToDoubleFunction<RunResult> f) {
        return spread(arm, f).median();
    }

    public Effect effect(String id, String label, String unit, String arm, ToDoubleFunction<RunResult> f) {
        return Effect.of(id, label, unit, perSeed(arm, f));
    }

    /** Share of the arm's runs that diverged. */
    public double divergedShare(String arm) {
        List<RunResult> r = runs(arm);
        return r.stream().filter(RunResult::diverged).count() / (double) r.size();
    }

    /** Validation accuracy against step: median over seeds with a min-max band (runs that stopped early count until they stopped). */
    public Series accuracyCurve(String arm, String name) {
        return stepCurve(arm, name, r -> r.evalSteps(), r -> r.valAccuracy());
    }

    /** Training loss against step, averaged over windows of {@code window} steps. */
    public Series trainLossCurve(String arm, String name, int window) {
        return stepCurve(arm, name, r -> windows(r.steps(), window), r -> windowMeans(r.trainLoss(), window));
    }

    private Series stepCurve(String arm, String name, Function<RunResult, int[]> xs, Function<RunResult, double[]> ys) {
        TreeSet<Integer> grid = new TreeSet<>();
        for (RunResult r : runs(arm)) for (int x : xs.apply(r)) grid.add(x);
        List<double[]> at = new ArrayList<>();
        for (int x : grid) {
            List<Double> v = new ArrayList<>();
            for (RunResult r : runs(arm)) {
                int[] rx = xs.apply(r);
                double[] ry = ys.apply(r);
                for (int i = 0; i < rx.length; i++) if (rx[i] == x) v.add(ry[i]);
            }
            at.add(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return band(name, grid.stream().mapToDouble(Integer::doubleValue).toArray(), at);
    }

    /**
     * A per-layer quantity of the profile at {@code step} (e.g. {@link Profile#actGrad}) against
     * layer index 1..L: median over seeds with a min-max band.
     */
    public Series depthProfile(String arm, String name, int step, Function<Profile, double[]> f) {
        List<double[]> perRun = new ArrayList<>();
        for (RunResult r : runs(arm)) {
            Profile p = r.profile(step);
            if (p != null) perRun.add(f.apply(p));
        }
        int n = perRun.stream().mapToInt(a -> a.length).max().orElse(0);
        double[] x = new double[n];
        List<double[]> at = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            x[l] = l + 1;
            final int layer = l;
            at.add(perRun.stream().filter(a -> a.length > layer).mapToDouble(a -> a[layer]).toArray());
        }
        return band(name, x, at);
    }

    /** log10 of a per-layer quantity by step and layer, for the first seed's run of {@code arm}. */
    public HeatMap heatMap(String arm, Function<Profile, double[]> f, String zLabel) {
        RunResult r = runs(arm).get(0);
        List<Profile> ps = r.profiles();
        int layers = ps.stream().mapToInt(p -> f.apply(p).length).max().orElse(0);
        double[] steps = new double[ps.size()], rows = new double[layers];
        double[][] z = new double[layers][ps.size()];
        for (int l = 0; l < layers; l++) rows[l] = l + 1;
        for (int j = 0; j < ps.size(); j++) {
            steps[j] = ps.get(j).step();
            double[] v = f.apply(ps.get(j));
            for (int l = 0; l < layers; l++) z[l][j] = l < v.length && v[l] > 0 ? Math.log10(v[l]) : Double.NaN;
        }
        return new HeatMap(steps, rows, z, zLabel);
    }

    /** Mean of the non-NaN values, NaN when there are none. */
    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) if (!Double.isNaN(x)) { s += x; n++; }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Median and min-max band of the values at each x. */
    public static Series band(String name, double[] x, List<double[]> valuesAtX) {
        double[] y = new double[x.length], lo = new double[x.length], hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Spread s = Spread.of(valuesAtX.get(i));
            y[i] = s.median();
            lo[i] = s.min();
            hi[i] = s.max();
        }
        return new Series(name, x, y, lo, hi);
    }

    private static int[] windows(int steps, int window) {
        int n = (steps + window - 1) / window;
        int[] x = new int[n];
        for (int i = 0; i < n; i++) x[i] = Math.min(steps, (i + 1) * window);
        return x;
    }

    private static double[] windowMeans(double[] v, int window) {
        int n = (v.length + window - 1) / window;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = i * window, hi = Math.min(v.length, lo + window);
            double s = 0;
            for (int j = lo; j < hi; j++) s += v[j];
            m[i] = s / (hi - lo);
        }
        return m;
    }
}
