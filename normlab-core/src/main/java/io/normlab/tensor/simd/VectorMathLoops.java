package io.normlab.tensor.simd;

import io.normlab.tensor.MathLoops;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MathLoops} with the Vector API: tanh and sigmoid from {@link VectorExp} (deterministic,
 * within an ulp), compare-and-blend for the ReLUs; scalar formulas of {@link MathLoops} for the
 * last elements that do not fill a vector.
 */
public final class VectorMathLoops implements MathLoops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0, vend = len - len % VectorExp.LANES;
        for (; i < vend; i += VectorExp.LANES) VectorExp.tanh(x, xOff + i, y, yOff + i);
        for (; i < len; i++) y[yOff + i] = MathLoops.tanh(x[xOff + i]);
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0, vend = len - len % VectorExp.LANES;
        for (; i < vend; i += VectorExp.LANES) VectorExp.sigmoid(x, xOff + i, y, yOff + i);
        for (; i < len; i++) y[yOff + i] = MathLoops.sigmoid(x[xOff + i]);
    }

    @Override
    public void leakyRelu(float[] x, float slope, float[] y, int off, int len) {
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> pos = v.compare(VectorOperators.GT, 0f);
            v.mul(slope).add(0f).blend(v, pos).intoArray(y, i);
        }
        for (; i < end; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i] + 0f;
    }

    @Override
    public void leakyReluGrad(float[] g, float[] x, float slope, float[] dx, int off, int len) {
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            VectorMask<Float> pos = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            gv.mul(slope).add(0f).blend(gv, pos).intoArray(dx, i);
        }
        for (; i < end; i++) dx[i] = x[i] > 0f ? g[i] : slope * g[i] + 0f;
    }

    @Override
    public void accumulate(float[] src, int sOff, float[] dst, int dOff, int len) {
        int i = 0, vend = S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i)).intoArray(dst, dOff + i);
        }
        for (; i < len; i++) dst[dOff + i] += src[sOff + i];
    }
}
