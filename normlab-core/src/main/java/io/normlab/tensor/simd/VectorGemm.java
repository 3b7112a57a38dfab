package io.normlab.tensor.simd;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Scratch;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with the Vector API (jdk.incubator.vector), GotoBLAS-style. A register-blocked micro-kernel
 * ({@link MicroKernel}) keeps an {@code MR x NR} block of C ({@code MR = 4} rows, {@code NR = 4}
 * vectors) in 16 vector accumulators, one broadcast-FMA per (row, vector) and k, and adds it to C
 * in place. Operands:
 * <ul>
 *   <li>B is packed into slivers of NR columns ({@link Packing#packB}) when it is transposed or
 *       reused by many rows of A; otherwise the kernel reads its rows in place (no copy for the
 *       conv-, MLP- and LSTM-sized products with few rows), packing only a last partial sliver.</li>
 *   <li>A is packed per block of {@code MC} rows and {@code KC} columns into slivers of MR rows.</li>
 * </ul>
 * k is cut into equal blocks of at most {@code KC}. A product {@code A B^T} with a small C and a
 * long k takes the dot-product form of {@link DotKernel} instead. Work is cut into tasks of (row
 * block, group of column slivers) that each own their part of C and run every k-block in ascending order, so each element of C sums over k in the same order
 * whatever the thread count or the cut: results are bit-identical with 1 or N threads. Products
 * below {@link #PARALLEL_FLOPS} stay on the calling thread (as do those called from inside a
 * parallel loop); those below {@link #SPLIT_FLOPS} are cut into one independent part per thread,
 * each packing its own operands (packed panels shared across cores measured 15-35% slower at the
 * MLP and conv sizes); larger ones share packed panels among their tasks. Pack buffers are
 * per-thread and reused ({@link Scratch}).
 * Only loaded when the incubator module is present (see {@code io.normlab.tensor.Backend}).
 */
public final class VectorGemm implements Gemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int VL = S.length();
    static final int MR = 4;
    static final int NR = 4 * VL;
    private static final int KC = 128;
    private static final int MC = 64;
    private static final int NC = 1024;
    /** Rows of A above which B (not transposed) is packed: below it each B sliver is read by few A slivers. */
    private static final int DIRECT_B_MAX_M = 64;
    /**
     * Products with fewer flops run on one thread: an LSTM step's 4 MFLOP products ran 18% slower
     * per training step on two threads than on one (the parallel region and the cold caches of the
     * second core cost more than half of a 20-microsecond product).
     */
    static final long PARALLEL_FLOPS = 1L << 23;
    /** Parallel products below this many flops are cut into one independent part per thread (no shared packing). */
    static final long SPLIT_FLOPS = 1L << 26;
    /** Tasks per thread wanted when rows alone do not give enough of them. */
    private static final int TASKS_PER_THREAD = 4;

    private static final Scratch PACKED_A = new Scratch();
    private static final Scratch SHARED_A = new Scratch();
    private static final Scratch PACKED_B = new Scratch();
    private static final Scratch TILE = new Scratch();
    private static final Scratch EDGE = new Scratch();

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) Arrays.fill(c, cOff, cOff + m * n, 0f);
            return;
        }
        if (transB && !transA && DotKernel.suits(m, n, k)) {
            DotKernel.gemm(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        multiply(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    }

    private static void multiply(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        long flops = 2L * m * n * k;
        int threads = Parallel.threads();
        boolean parallel = flops >= PARALLEL_FLOPS && Parallel.canFork();
        if (parallel && flops < SPLIT_FLOPS) {
            // One part per thread, each packing what it reads: no packed panel crosses cores. The
            // cut runs along the longer side of C, so the operand that every part needs whole is the smaller one.
            boolean byRows = m > n;
            int units = byRows ? (m + MR - 1) / MR : (n + NR - 1) / NR;
            int parts = Math.min(threads, units);
            if (parts > 1) {
                Parallel.forRange(parts, 1, (ch, lo, hi) -> {
                    for (int part = lo; part < hi; part++) {
                        int u0 = units * part / parts, u1 = units * (part + 1) / parts;
                        if (byRows) run(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, u0 * MR, Math.min(m, u1 * MR), 0, n, false);
                        else run(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, 0, m, u0 * NR, Math.min(n, u1 * NR), false);
                    }
                });
                return;
            }
        }
        run(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, 0, m, 0, n, parallel);
    }

    /** Rows [r0, r1) and columns [j0, j1) of C ({@code r0} a multiple of MR, {@code j0} of NR). */
    private static void run(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                            float[] c, int cOff, boolean accumulate, int r0, int r1, int j0, int j1, boolean parallel) {
        int rows = r1 - r0;
        boolean packB = transB || rows > DIRECT_B_MAX_M;
        float[] sharedA = null;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int slivers = (nc + NR - 1) / NR;
            Panel panel = packB ? Panel.packed(transB, b, bOff, n, k, jc, nc, parallel)
                    : Panel.direct(b, bOff, n, k, jc, nc);
            int mBlocks = (rows + MC - 1) / MC;
            // The cut into tasks may follow the thread count: every element of C is computed the same way in any cut.
            int wanted = parallel ? TASKS_PER_THREAD * Parallel.threads() : 1;
            int groupSize = mBlocks >= wanted ? slivers : Math.max(1, slivers * mBlocks / wanted);
            int groups = (slivers + groupSize - 1) / groupSize;
            int tasks = mBlocks * groups;
            // Several tasks share a row block: its A slivers are packed once, up front, for all of them.
            if (groups > 1 && sharedA == null) sharedA = SharedA.pack(transA, a, aOff, m, k, r0, r1, parallel);
            final int jc0 = jc;
            final float[] packedA = sharedA;
            Parallel.forRange(tasks, parallel ? 1 : tasks, (ch, lo, hi) -> {
                for (int t = lo; t < hi; t++) {
                    int ib = t / groups, g = t % groups;
                    int s0 = g * groupSize, s1 = Math.min(slivers, s0 + groupSize);
                    int i0 = r0 + ib * MC;
                    block(transA, a, aOff, m, k, i0, Math.min(MC, r1 - i0), packedA, r0, panel, s0, s1, c, cOff, n, jc0, accumulate);
                }
            });
        }
    }

    /**
     * Rows [i0, i0+mc) of C against column slivers [s0, s1) of the panel, over all of k; A's slivers
     * are read from {@code packedA} (laid out by {@link SharedA}) or, when it is null, packed here.
     */
    private static void block(boolean transA, float[] a, int aOff, int m, int k, int i0, int mc, float[] packedA, int r0, Panel panel,
                              int s0, int s1, float[] c, int cOff, int n, int jc, boolean accumulate) {
        int aSlivers = (mc + MR - 1) / MR;
        int blocks = (k + KC - 1) / KC, kcMax = (k + blocks - 1) / blocks; // k cut into equal blocks of at most KC
        float[] ap = packedA != null ? packedA : PACKED_A.get(aSlivers * MR * kcMax);
        float[] tile = TILE.get(MR * NR);
        float[] edge = EDGE.get(MR * NR);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            boolean add = accumulate || pc > 0;
            int apAt = packedA != null ? SharedA.at(i0 - r0, k, pc, aSlivers) : 0;
            if (packedA == null) Packing.packA(transA, a, aOff, m, k, i0, mc, pc, kc, ap, 0);
            for (int s = s0; s < s1; s++) {
                int j0 = jc + s * NR, nr = Math.min(NR, n - j0);
                float[] bs = panel.array(s);
                int bAt = panel.at(s, pc), bStride = panel.stride(s);
                for (int is = 0; is < aSlivers; is++) {
                    int row = i0 + is * MR, mr = Math.min(MR, mc - is * MR);
                    if (mr == MR && nr == NR) {
                        MicroKernel.run(ap, apAt + is * kc * MR, bs, bAt, bStride, kc, c, cOff + row * n + j0, n, add, tile);
                    } else {
                        MicroKernel.edge(ap, apAt + is * kc * MR, bs, bAt, bStride, kc, edge, (nr + VL - 1) / VL);
                        for (int i = 0; i < mr; i++) {
                            int at = cOff + (row + i) * n + j0;
                            for (int j = 0; j < nr; j++) c[at + j] = add ? c[at + j] + edge[i * NR + j] : edge[i * NR + j];
                        }
                    }
                }
            }
        }
    }

    /**
     * All of op(A) packed once, for products whose row blocks are shared by several tasks: row
     * block ib (rows from {@code ib * MC}) starts at {@code ib * MC * k}; inside it, the k-block
     * starting at pc holds its slivers (as {@link Packing#packA} lays them out) from
     * {@code pc * slivers * MR}. Packed by row block, in parallel when the product is.
     */
    static final class SharedA {
        private SharedA() {}

        static float[] pack(boolean transA, float[] a, int aOff, int m, int k, int r0, int r1, boolean parallel) {
            int mBlocks = (r1 - r0 + MC - 1) / MC, blocks = (k + KC - 1) / KC, kcMax = (k + blocks - 1) / blocks;
            float[] ap = SHARED_A.get(mBlocks * MC * k);
            Parallel.forRange(mBlocks, parallel ? 1 : mBlocks, (ch, lo, hi) -> {
                for (int ib = lo; ib < hi; ib++) {
                    int i0 = r0 + ib * MC, mc = Math.min(MC, r1 - i0), aSlivers = (mc + MR - 1) / MR;
                    for (int pc = 0; pc < k; pc += kcMax) {
                        Packing.packA(transA, a, aOff, m, k, i0, mc, pc, Math.min(kcMax, k - pc), ap, at(i0 - r0, k, pc, aSlivers));
                    }
                }
            });
            return ap;
        }

        /** Where the k-block starting at pc of the row block starting at i0 (of aSlivers slivers) begins. */
        static int at(int i0, int k, int pc, int aSlivers) {
            return i0 * k + pc * aSlivers * MR;
        }
    }

    /** Where the kernel reads B sliver s: a packed copy, or B itself (rows of stride n). */
    static final class Panel {
        private final float[] packed;
        private final float[] edge;
        private final float[] b;
        private final int bOff;
        private final int n;
        private final int k;
        private final int jc;
        private final int fullSlivers;

        private Panel(float[] packed, float[] edge, float[] b, int bOff, int n, int k, int jc, int fullSlivers) {
            this.packed = packed;
            this.edge = edge;
            this.b = b;
            this.bOff = bOff;
            this.n = n;
            this.k = k;
            this.jc = jc;
            this.fullSlivers = fullSlivers;
        }

        static Panel packed(boolean transB, float[] b, int bOff, int n, int k, int jc, int nc, boolean parallel) {
            int slivers = (nc + NR - 1) / NR;
            float[] bp = PACKED_B.get(slivers * k * NR);
            Parallel.forRange(slivers, parallel ? 1 : slivers, (ch, lo, hi) -> {
                for (int s = lo; s < hi; s++) {
                    Packing.packB(transB, b, bOff, n, k, jc + s * NR, Math.min(NR, nc - s * NR), 0, k, bp, s * k * NR);
                }
            });
            return new Panel(bp, null, null, 0, n, k, jc, 0);
        }

        static Panel direct(float[] b, int bOff, int n, int k, int jc, int nc) {
            int full = nc / NR;
            float[] edge = null;
            if (full * NR < nc) {
                edge = PACKED_B.get(k * NR);
                Packing.packB(false, b, bOff, n, k, jc + full * NR, nc - full * NR, 0, k, edge, 0);
            }
            return new Panel(null, edge, b, bOff, n, k, jc, full);
        }

        float[] array(int s) {
            return packed != null ? packed : s < fullSlivers ? b : edge;
        }

        int at(int s, int pc) {
            if (packed != null) return s * k * NR + pc * NR;
            return s < fullSlivers ? bOff + pc * n + jc + s * NR : pc * NR;
        }

        int stride(int s) {
            return packed != null || s >= fullSlivers ? NR : n;
        }
    }
}
