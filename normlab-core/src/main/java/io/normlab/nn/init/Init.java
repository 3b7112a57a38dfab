package io.normlab.nn.init;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Weight initializers, as {@code torch.nn.init}. Every method OVERWRITES the tensor it is given,
 * in place, and returns it; random ones draw from {@code rng} in row-major order (same seed, same
 * bits). Values are computed in double and rounded to float.
 *
 * <p>Fans follow PyTorch for a weight of shape (out, in, k1, k2, ...): receptive field
 * {@code r = k1 * k2 * ...} (1 for a Linear weight), {@code fan_in = size(1) * r},
 * {@code fan_out = size(0) * r}; tensors of rank below 2 have no fans.
 * <pre>
 * xavier (Glorot and Bengio 2010)   std = gain * sqrt(2 / (fan_in + fan_out))
 * kaiming (He et al. 2015)          std = gain(nonlinearity, a) / sqrt(fan)
 * scaledNormal                      std = gain / sqrt(fan_in)
 * uniform variants use U(-b, b) with b = sqrt(3) * std (same variance)
 * </pre>
 */
public final class Init {
    private Init() {}

    // ---- fans --------------------------------------------------------------------------------

    /** {@code size(1) * receptive field}; rank must be at least 2. */
    public static int fanIn(Tensor t) {
        int r = receptiveField("fanIn", t);
        return t.size(1) * r;
    }

    /** {@code size(0) * receptive field}; rank must be at least 2. */
    public static int fanOut(Tensor t) {
        int r = receptiveField("fanOut", t);
        return t.size(0) * r;
    }

    /** The fan selected by {@code mode}. */
    public static int fan(Tensor t, FanMode mode) {
        return mode == FanMode.FAN_IN ? fanIn(t) : fanOut(t);
    }

    private static int receptiveField(String op, Tensor t) {
        int[] s = t.shape();
        if (s.length < 2) {
            throw new ShapeException(op + ": fan in and fan out need a tensor of rank >= 2 (out, in, ...), got " + Shape.str(s));
        }
        int r = 1;
        for (int i = 2; i < s.length; i++) r *= s[i];
        return r;
    }

    // ---- plain distributions -----------------------------------------------------------------

    /** U(low, high), drawn as {@link Tensor#uniform}. */
    public static Tensor uniform(Tensor t, double low, double high, Rng rng) {
        if (!(low <= high)) throw new IllegalArgumentException("uniform: need low <= high, got " + low + ", " + high);
        t.copyFrom(Tensor.uniform(rng, (float) low, (float) high, t.shape()));
        return t;
    }

    /** N(mean, std^2), drawn as {@link Tensor#randn}. */
    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        if (!(std >= 0)) throw new IllegalArgumentException("normal: std must be >= 0, got " + std);
        t.copyFrom(Tensor.randn(rng, (float) mean, (float) std, t.shape()));
        return t;
    }

    /** Every element set to {@code value}. */
    public static Tensor constant(Tensor t, double value) {
        t.fill((float) value);
        return t;
    }

    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    // ---- variance-scaling schemes --------------------------------------------------------------

    /** Glorot uniform: U(-b, b), {@code b = gain * sqrt(6 / (fan_in + fan_out))}. */
    public static Tensor xavierUniform(Tensor t, double gain, Rng rng) {
        double b = Math.sqrt(3.0) * xavierStd(t, gain);
        return uniform(t, -b, b, rng);
    }

    /** Glorot normal: N(0, gain^2 * 2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor t, double gain, Rng rng) {
        return normal(t, 0, xavierStd(t, gain), rng);
    }

    private static double xavierStd(Tensor t, double gain) {
        int sum = fanIn(t) + fanOut(t);
        return sum == 0 ? 0 : gain * Math.sqrt(2.0 / sum);
    }

    /**
     * He uniform: U(-b, b), {@code b = sqrt(3) * gain / sqrt(fan)} with
     * {@code gain = nonlinearity.gain(a)} ({@code a} is the leaky ReLU slope). torch's default
     * arguments are a = 0, FAN_IN, LEAKY_RELU (gain sqrt(2)).
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Rng rng) {
        double b = Math.sqrt(3.0) * kaimingStd(t, a, mode, nonlinearity);
        return uniform(t, -b, b, rng);
    }

    /** He normal: N(0, gain^2 / fan), {@code gain = nonlinearity.gain(a)}. */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Rng rng) {
        return normal(t, 0, kaimingStd(t, a, mode, nonlinearity), rng);
    }

    private static double kaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        int f = fan(t, mode);
        return f == 0 ? 0 : nonlinearity.gain(a) / Math.sqrt(f);
    }

    /**
     * N(0, gain^2 / fan_in): gain 1 keeps the variance of a linear layer's output equal to its
     * input's, below 1 makes a deep stack vanish, above 1 explode (what the diagnostics demonstrate).
     */
    public static Tensor scaledNormal(Tensor t, double gain, Rng rng) {
        int f = fanIn(t);
        return normal(t, 0, f == 0 ? 0 : gain / Math.sqrt(f), rng);
    }

    /**
     * (Semi-)orthogonal matrix times {@code gain} (Saxe et al. 2014), as torch's
     * {@code orthogonal_}: view t as (rows = size(0), cols = numel / rows), draw a standard normal
     * matrix of that shape (transposed when rows &lt; cols), take Q of its QR decomposition with
     * diag(R) &gt; 0, transpose back. Rows are orthonormal when rows &lt;= cols
     * ({@code W W^T = I}), columns otherwise ({@code W^T W = I}). Rank must be at least 2.
     */
    public static Tensor orthogonal(Tensor t, double gain, Rng rng) {
        if (t.rank() < 2) throw new ShapeException("orthogonal: only tensors of rank >= 2 are supported, got " + Shape.str(t.shape()));
        int rows = t.size(0), cols = rows == 0 ? 0 : t.numel() / rows;
        if (t.numel() == 0) return t;
        double[] g = new double[rows * cols];
        for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
        boolean wide = rows < cols;
        int m = wide ? cols : rows, n = wide ? rows : cols;
        double[] a = wide ? transpose(g, rows, cols) : g;
        double[] q = Householder.orthonormalColumns(a, m, n);
        double[] w = wide ? transpose(q, m, n) : q;
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (gain * w[i]);
        return t;
    }

    private static double[] transpose(double[] x, int r, int c) {
        double[] y = new double[x.length];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) y[j * r + i] = x[i * c + j];
        return y;
    }

    // ---- PyTorch's layer default ---------------------------------------------------------------

    /**
     * PyTorch's default for Linear and Conv layers: weight by kaiming_uniform with a = sqrt(5),
     * which simplifies to U(-1/sqrt(fan_in), 1/sqrt(fan_in)); then the bias (may be null) from the
     * same bound, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with the weight's fan_in. Weight drawn first.
     */
    public static void torchDefault(Tensor weight, Tensor bias, Rng rng) {
        int f = fanIn(weight);
        double bound = f == 0 ? 0 : 1.0 / Math.sqrt(f);
        uniform(weight, -bound, bound, rng);
        if (bias != null) uniform(bias, -bound, bound, rng);
    }
}
