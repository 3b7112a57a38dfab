package io.normlab.tensor;

/**
 * The inner loops of the normalization kernels ({@code io.normlab.nn.norm}), on float arrays, one
 * implementation per compute path ({@link Backend}): the Vector API one accumulates sums in
 * vector lanes (C2 never vectorizes a floating-point reduction), the plain one in double scalars.
 * Every loop forms the deviation of an element as {@code d = (x - hi) - lo}, in float, with the
 * mean split into two floats {@code hi + lo} so that an offset of 1e4 costs no precision (an
 * implementation may fold {@code lo} into the constants instead: {@code (x - hi) * a + (b - lo * a)}).
 *
 * <p><b>Runs</b> work on {@code [off, off + len)} of their arrays with scalar parameters; the
 * {@code ...Element} variants take per-element parameters {@code gamma[pOff + i - off]} (never
 * null: callers without an affine pass ones and zeros). <b>Columns</b> work on one row {@code x[off + j]}, {@code j < len},
 * of a row-major matrix whose column j has its own parameters {@code p[pOff + j]}.
 *
 * <p>Sums over a run are accumulated in float (in blocks, so each partial sum is of a few
 * thousand deviations at most) and returned in double; the summation order depends only on the
 * run, so callers that give each run to one thread are bit-identical for any thread count.
 */
public interface NormLoops {
    /** The implementation in use (default: that of the active compute path, see {@link Backend}). */
    static NormLoops current() {
        return Backend.normLoops();
    }

    /** Replaces the implementation in use (e.g. to test the plain one); returns the previous one. */
    static NormLoops use(NormLoops loops) {
        return Backend.useNormLoops(loops);
    }

    /** The plain-Java implementation, whatever the active path. */
    static NormLoops plain() {
        return new PlainNormLoops();
    }

    /** {@code sum d}. */
    double sumDev(float[] x, int off, int len, float hi, float lo);

    /** {@code sum d^2}. */
    double sumSqDev(float[] x, int off, int len, float hi, float lo);

    /**
     * One pass: {@code out[0] += sum e}, {@code out[1] += sum e^2} with {@code e = x - shift}
     * (shifted sums; the caller picks a shift near the mean and checks for cancellation).
     */
    void shiftedSums(float[] x, int off, int len, float shift, double[] out);

    /** {@code y = d * a + b}. */
    void affine(float[] x, int off, int len, float hi, float lo, float a, float b, float[] y);

    /** {@code y = d * rstd * gamma[p] + beta[p]}. */
    void affineElement(float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, float[] beta, int pOff, float[] y);

    /** {@code out[0] += sum dy}, {@code out[1] += sum dy * d}. */
    void dySums(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out);

    /**
     * {@code out[0] += sum g dy}, {@code out[1] += sum g dy d} with {@code g = gamma[p]};
     * {@code dg[p] += dy * d * rstd}, {@code db[p] += dy} (indexed like gamma).
     */
    void dySumsElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                       float[] dg, float[] db, double[] out);

    /** {@code dx = k1 * dy + k2 * d + k3}. */
    void grad(float[] dy, float[] x, int off, int len, float hi, float lo, float k1, float k2, float k3, float[] dx);

    /** {@code dx = rstd * gamma[p] * dy + k2 * d + k3}. */
    void gradElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                     float k2, float k3, float[] dx);

    /** Columns: {@code acc[p] += d} (or {@code d^2} when {@code square}), {@code d = (x - hi[p]) - lo[p]}. */
    void colAccumulate(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc, boolean square);

    /** Columns: {@code y = d * a[p] + b[p]}. */
    void colAffine(float[] x, int off, int len, float[] hi, float[] lo, float[] a, float[] b, int pOff, float[] y);

    /** Columns: {@code sumDy[p] += dy}, {@code sumDyD[p] += dy * d}. */
    void colDySums(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] sumDy, float[] sumDyD);

    /** Columns: {@code dx = k1[p] * dy + k2[p] * d + k3[p]}. */
    void colGrad(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, float[] k1, float[] k2, float[] k3, int pOff, float[] dx);
}
