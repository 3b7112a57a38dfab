package io.normlab.tensor;

/** {@link MathLoops} with the scalar formulas of {@link MathLoops#tanh(float)} and {@link MathLoops#sigmoid(float)}. */
final class PlainMathLoops implements MathLoops {
    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = MathLoops.tanh(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) y[yOff + i] = MathLoops.sigmoid(x[xOff + i]);
    }

    // "+ 0f" turns the -0.0 of 0 * (negative) into +0.0, as PyTorch returns, and keeps NaN as NaN.
    @Override
    public void leakyRelu(float[] x, float slope, float[] y, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i] + 0f;
    }

    @Override
    public void leakyReluGrad(float[] g, float[] x, float slope, float[] dx, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) dx[i] = x[i] > 0f ? g[i] : slope * g[i] + 0f;
    }

    @Override
    public void accumulate(float[] src, int sOff, float[] dst, int dOff, int len) {
        for (int i = 0; i < len; i++) dst[dOff + i] += src[sOff + i];
    }
}
