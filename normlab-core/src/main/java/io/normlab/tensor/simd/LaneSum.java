package io.normlab.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order: pairwise, lane i plus lane {@code i ^ k} for
 * {@code k = VL/2, ..., 1}. {@code reduceLanes(ADD)} on floats is not fit for this: its order is
 * unspecified, and its compiled form and its Java fallback (what runs before C2 compiles the
 * caller) add in different orders, so a result would depend on the JIT's progress. Permutes and
 * additions give the same bits in every tier.
 */
final class LaneSum {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Lane permutations {@code i -> i ^ k} (k = VL/2 first); the species' length is a power of two. */
    private static final VectorShuffle<Float> X1 = swap(1), X2 = swap(2), X4 = swap(4), X8 = swap(8);

    private LaneSum() {}

    private static VectorShuffle<Float> swap(int k) {
        return VectorShuffle.fromOp(S, i -> (i ^ k) & (VL - 1));
    }

    static float sum(FloatVector v) {
        if (VL > 16) {
            // Wider than any current CPU: the same pairwise order, from an array.
            float[] lanes = v.toArray();
            for (int w = VL / 2; w >= 1; w /= 2) {
                for (int i = 0; i < w; i++) lanes[i] += lanes[i + w];
            }
            return lanes[0];
        }
        if (VL == 16) v = v.add(v.rearrange(X8));
        if (VL >= 8) v = v.add(v.rearrange(X4));
        if (VL >= 4) v = v.add(v.rearrange(X2));
        if (VL >= 2) v = v.add(v.rearrange(X1));
        return v.lane(0);
    }
}
