package io.normlab.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM register block: {@code C[4 x NR] (+)= A_sliver (4 x kc) * B_sliver (kc x NR)} with
 * {@code NR = 4} vectors, 16 vector accumulators and one broadcast-FMA per (row, vector) and k,
 * k ascending. A is a packed sliver ({@code ap[aAt + p*4 + i]}); B row p starts at
 * {@code b[bAt + p*bStride]} (a packed sliver, or B itself). Kept small and separate so that C2
 * compiles it alone with every Vector API call intrinsified.
 */
final class MicroKernel {
    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int VL = VectorGemm.VL;
    private static final int NR = VectorGemm.NR;

    private MicroKernel() {}

    /** Writes (or with {@code add}, adds) the block to C rows {@code c[cAt + i*ldc ...]}; {@code tile} holds MR x NR floats of scratch. */
    static void run(float[] ap, int aAt, float[] b, int bAt, int bStride, int kc, float[] c, int cAt, int ldc, boolean add, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int bo = bAt, ao = aAt;
        for (int p = 0; p < kc; p++, bo += bStride, ao += 4) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + VL);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * VL);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * VL);
            FloatVector a0 = FloatVector.broadcast(S, ap[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02); c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12); c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22); c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32); c33 = a3.fma(b3, c33);
        }
        // Vector values must not cross a method boundary (C2 would box them), and every inlined
        // Vector API call costs compiler nodes: store the block once, to C or (adding) to the tile.
        float[] dst = add ? tile : c;
        int d = add ? 0 : cAt, ld = add ? NR : ldc;
        c00.intoArray(dst, d); c01.intoArray(dst, d + VL); c02.intoArray(dst, d + 2 * VL); c03.intoArray(dst, d + 3 * VL);
        d += ld;
        c10.intoArray(dst, d); c11.intoArray(dst, d + VL); c12.intoArray(dst, d + 2 * VL); c13.intoArray(dst, d + 3 * VL);
        d += ld;
        c20.intoArray(dst, d); c21.intoArray(dst, d + VL); c22.intoArray(dst, d + 2 * VL); c23.intoArray(dst, d + 3 * VL);
        d += ld;
        c30.intoArray(dst, d); c31.intoArray(dst, d + VL); c32.intoArray(dst, d + 2 * VL); c33.intoArray(dst, d + 3 * VL);
        if (add) addTile(tile, c, cAt, ldc);
    }

    /** {@code C[4 x NR] += tile}. */
    private static void addTile(float[] tile, float[] c, int cAt, int ldc) {
        for (int i = 0; i < 4; i++) {
            int at = cAt + i * ldc;
            for (int v = 0; v < NR; v += VL) {
                FloatVector.fromArray(S, c, at + v).add(FloatVector.fromArray(S, tile, i * NR + v)).intoArray(c, at + v);
            }
        }
    }

    /**
     * A block of C narrower than NR (the last columns): only the first {@code vectors} (1 to 4) of
     * the B sliver, into {@code out} (MR rows of NR floats), not added.
     */
    static void edge(float[] ap, int aAt, float[] b, int bAt, int bStride, int kc, float[] out, int vectors) {
        if (vectors > 2) run(ap, aAt, b, bAt, bStride, kc, out, 0, NR, false, null);
        else if (vectors == 2) two(ap, aAt, b, bAt, bStride, kc, out);
        else one(ap, aAt, b, bAt, bStride, kc, out);
    }

    private static void two(float[] ap, int aAt, float[] b, int bAt, int bStride, int kc, float[] out) {
        FloatVector c00 = FloatVector.zero(S), c10 = c00, c20 = c00, c30 = c00;
        FloatVector c01 = c00, c11 = c00, c21 = c00, c31 = c00;
        int bo = bAt, ao = aAt;
        for (int p = 0; p < kc; p++, bo += bStride, ao += 4) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo), b1 = FloatVector.fromArray(S, b, bo + VL);
            FloatVector a0 = FloatVector.broadcast(S, ap[ao]), a1 = FloatVector.broadcast(S, ap[ao + 1]);
            FloatVector a2 = FloatVector.broadcast(S, ap[ao + 2]), a3 = FloatVector.broadcast(S, ap[ao + 3]);
            c00 = a0.fma(b0, c00); c10 = a1.fma(b0, c10); c20 = a2.fma(b0, c20); c30 = a3.fma(b0, c30);
            c01 = a0.fma(b1, c01); c11 = a1.fma(b1, c11); c21 = a2.fma(b1, c21); c31 = a3.fma(b1, c31);
        }
        c00.intoArray(out, 0); c10.intoArray(out, NR); c20.intoArray(out, 2 * NR); c30.intoArray(out, 3 * NR);
        c01.intoArray(out, VL); c11.intoArray(out, NR + VL); c21.intoArray(out, 2 * NR + VL); c31.intoArray(out, 3 * NR + VL);
    }

    private static void one(float[] ap, int aAt, float[] b, int bAt, int bStride, int kc, float[] out) {
        FloatVector c00 = FloatVector.zero(S), c10 = c00, c20 = c00, c30 = c00;
        int bo = bAt, ao = aAt;
        for (int p = 0; p < kc; p++, bo += bStride, ao += 4) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            c00 = FloatVector.broadcast(S, ap[ao]).fma(b0, c00);
            c10 = FloatVector.broadcast(S, ap[ao + 1]).fma(b0, c10);
            c20 = FloatVector.broadcast(S, ap[ao + 2]).fma(b0, c20);
            c30 = FloatVector.broadcast(S, ap[ao + 3]).fma(b0, c30);
        }
        c00.intoArray(out, 0); c10.intoArray(out, NR); c20.intoArray(out, 2 * NR); c30.intoArray(out, 3 * NR);
    }
}
