package io.normlab.tensor;

/**
 * Activation functions (and a vector add) over runs of float arrays ({@code y[yOff + i] = f(x[xOff + i])},
 * {@code i < len}), one implementation per compute path ({@link Backend}): the Vector API one
 * evaluates tanh and the sigmoid from its own exponential of exactly rounded operations (within an
 * ulp, and the same bits whether or not the JIT has compiled it; the JDK's lanewise EXP/TANH are
 * not), the plain one the scalar formulas {@link #tanh(float)} and {@link #sigmoid(float)}. {@link Math#tanh} is not intrinsified
 * on JDK 17 (about 45 ns a call); both paths avoid it. x and y may be the same array (in place).
 */
public interface MathLoops {
    /** The implementation in use (default: that of the active compute path). */
    static MathLoops current() {
        return Backend.mathLoops();
    }

    /** The plain-Java implementation, whatever the active path. */
    static MathLoops plain() {
        return new PlainMathLoops();
    }

    /** {@code tanh}. */
    void tanh(float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code sigma(x) = 1 / (1 + e^-x)}. */
    void sigmoid(float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code x > 0 ? x : slope * x} (+0 for x = 0 or -0; NaN stays NaN). */
    void leakyRelu(float[] x, float slope, float[] y, int off, int len);

    /** {@code dx = x > 0 ? g : slope * g} (+0 instead of -0). */
    void leakyReluGrad(float[] g, float[] x, float slope, float[] dx, int off, int len);

    /** {@code dst[dOff + i] += src[sOff + i]}: C2 does not vectorize this when the offsets differ (the arrays might alias). */
    void accumulate(float[] src, int sOff, float[] dst, int dOff, int len);

    /**
     * tanh in double, rounded to float: {@code 1 - 2/(e^{2x} + 1)}, or its series
     * {@code x - x^3/3 + 2x^5/15} for |x| &lt; 0.01 where the identity cancels; within an ulp of
     * {@code (float) Math.tanh(x)} and about 5x faster.
     */
    static float tanh(float v) {
        double x = v;
        if (Math.abs(x) < 0.01) {
            double x2 = x * x;
            return (float) (x * (1 - x2 / 3 * (1 - 0.4 * x2)));
        }
        return (float) (1.0 - 2.0 / (Math.exp(2 * x) + 1.0));
    }

    /** {@code 1 / (1 + e^-x)} in double, rounded to float. */
    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
