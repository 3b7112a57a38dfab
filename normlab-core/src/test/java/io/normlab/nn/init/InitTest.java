package io.normlab.nn.init;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {
    /** Relative tolerance for empirical std on >= 40k samples (standard error about 0.4-0.7%). */
    private static final double STD_TOL = 0.03;

    @Test
    void fansFollowPyTorch() {
        Tensor linear = Tensor.zeros(30, 20);
        assertEquals(20, Init.fanIn(linear));
        assertEquals(30, Init.fanOut(linear));
        Tensor conv = Tensor.zeros(16, 3, 5, 5);
        assertEquals(3 * 25, Init.fanIn(conv));
        assertEquals(16 * 25, Init.fanOut(conv));
        assertEquals(400, Init.fan(conv, FanMode.FAN_OUT));
        var ex = assertThrows(ShapeException.class, () -> Init.fanIn(Tensor.zeros(7)));
        assertTrue(ex.getMessage().contains("[7]"), ex.getMessage());
    }

    @Test
    void gainsAreTorchCalculateGain() {
        assertEquals(1.0, Nonlinearity.LINEAR.gain());
        assertEquals(1.0, Nonlinearity.SIGMOID.gain());
        assertEquals(5.0 / 3, Nonlinearity.TANH.gain(), 1e-15);
        assertEquals(Math.sqrt(2), Nonlinearity.RELU.gain(), 1e-15);
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Nonlinearity.LEAKY_RELU.gain(), 1e-15);
        assertEquals(Math.sqrt(2 / 1.04), Nonlinearity.LEAKY_RELU.gain(0.2), 1e-15);
        assertEquals(Math.sqrt(2), Nonlinearity.LEAKY_RELU.gain(0), 1e-15);
        assertEquals(0.75, Nonlinearity.SELU.gain());
        assertEquals(Nonlinearity.LEAKY_RELU, Nonlinearity.fromName("leaky_relu"));
        var ex = assertThrows(IllegalArgumentException.class, () -> Nonlinearity.fromName("swish"));
        assertTrue(ex.getMessage().contains("swish") && ex.getMessage().contains("tanh"), ex.getMessage());
    }

    @Test
    void xavierUniformHasGlorotBoundAndStd() {
        Tensor w = Init.xavierUniform(Tensor.zeros(300, 200), 2.0, new Rng(1));
        double bound = 2.0 * Math.sqrt(6.0 / 500);
        assertBounded(w, bound);
        assertStd(w, bound / Math.sqrt(3));
        assertMean(w, 0, bound / Math.sqrt(3));
    }

    @Test
    void xavierNormalStd() {
        Tensor w = Init.xavierNormal(Tensor.zeros(300, 200), 1.0, new Rng(2));
        assertStd(w, Math.sqrt(2.0 / 500));
    }

    @Test
    void kaimingUniformUsesModeAndGain() {
        Tensor w = Init.kaimingUniform(Tensor.zeros(400, 100), 0, FanMode.FAN_IN, Nonlinearity.RELU, new Rng(3));
        double bound = Math.sqrt(3) * Math.sqrt(2) / Math.sqrt(100);
        assertBounded(w, bound);
        assertStd(w, Math.sqrt(2.0 / 100));
        Tensor out = Init.kaimingUniform(Tensor.zeros(400, 100), 0, FanMode.FAN_OUT, Nonlinearity.RELU, new Rng(3));
        assertBounded(out, Math.sqrt(6.0 / 400));
        assertStd(out, Math.sqrt(2.0 / 400));
    }

    @Test
    void kaimingNormalOnConvWeightUsesReceptiveField() {
        Tensor w = Init.kaimingNormal(Tensor.zeros(64, 32, 3, 3), 0.2, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Rng(4));
        assertStd(w, Math.sqrt(2.0 / 1.04) / Math.sqrt(32 * 9));
        Tensor t = Init.kaimingNormal(Tensor.zeros(300, 150), 0, FanMode.FAN_OUT, Nonlinearity.TANH, new Rng(5));
        assertStd(t, 5.0 / 3 / Math.sqrt(300));
    }

    @Test
    void kaimingUniformWithSqrt5IsTorchLinearDefault() {
        Tensor a = Init.kaimingUniform(Tensor.zeros(200, 250), Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Rng(6));
        Tensor b = Tensor.zeros(200, 250);
        Init.torchDefault(b, null, new Rng(6));
        assertBounded(b, 1 / Math.sqrt(250));
        assertStd(b, 1 / Math.sqrt(250) / Math.sqrt(3));
        for (int i = 0; i < a.numel(); i++) assertEquals(b.data()[i], a.data()[i], 1e-6 * Math.abs(b.data()[i]) + 1e-9);
    }

    @Test
    void torchDefaultBiasUsesWeightFanIn() {
        Tensor w = Tensor.zeros(5, 400), bias = Tensor.zeros(5);
        Rng rng = new Rng(7);
        Init.torchDefault(w, bias, rng);
        Rng replay = new Rng(7);
        Tensor.uniform(replay, -0.05f, 0.05f, 5, 400);                // weight drawn first
        assertArrayEquals(Tensor.uniform(replay, -0.05f, 0.05f, 5).data(), bias.data());
    }

    @Test
    void scaledNormalHasGainOverSqrtFanIn() {
        for (double gain : new double[] {0.5, 1.0, 3.0}) {
            Tensor w = Init.scaledNormal(Tensor.zeros(200, 256), gain, new Rng(8));
            assertStd(w, gain / 16);
        }
    }

    @Test
    void normalAndConstants() {
        Tensor w = Init.normal(Tensor.zeros(250, 200), 3.0, 0.5, new Rng(9));
        assertMean(w, 3.0, 0.5);
        assertStd(w, 0.5);
        assertArrayEquals(Tensor.full(2.5f, 3, 4).data(), Init.constant(Tensor.zeros(3, 4), 2.5).data());
        assertArrayEquals(new float[6], Init.zeros(Tensor.ones(2, 3)).data());
        assertArrayEquals(Tensor.ones(6).data(), Init.ones(Tensor.zeros(6)).data());
        Tensor u = Init.uniform(Tensor.zeros(100, 100), -2, 5, new Rng(10));
        for (float v : u.data()) assertTrue(v >= -2 && v <= 5, "value " + v);
        assertMean(u, 1.5, 7 / Math.sqrt(12));
    }

    @Test
    void orthogonalRowsAreOrthonormalForWideMatrices() {
        Tensor w = Init.orthogonal(Tensor.zeros(40, 96), 1.0, new Rng(11));
        assertGramIsIdentity(w, 40, 96, false, 1.0);
    }

    @Test
    void orthogonalColumnsAreOrthonormalForTallMatrices() {
        Tensor w = Init.orthogonal(Tensor.zeros(96, 40), 1.0, new Rng(12));
        assertGramIsIdentity(w, 96, 40, true, 1.0);
        Tensor sq = Init.orthogonal(Tensor.zeros(64, 64), 1.0, new Rng(13));
        assertGramIsIdentity(sq, 64, 64, false, 1.0);
        assertGramIsIdentity(sq, 64, 64, true, 1.0);
    }

    @Test
    void orthogonalScalesByGainAndFlattensTrailingDims() {
        Tensor w = Init.orthogonal(Tensor.zeros(8, 4, 3, 3), 2.0, new Rng(14));
        assertGramIsIdentity(w, 8, 36, false, 4.0);
        assertThrows(ShapeException.class, () -> Init.orthogonal(Tensor.zeros(5), 1, new Rng(1)));
    }

    @Test
    void orthogonalIsTheQFactorWithPositiveDiagonalR() {
        // Q^T A = R must be upper triangular with a positive diagonal (torch's sign fix), where A is
        // the Gaussian matrix the initializer draws: rows*cols normals in row-major order.
        int rows = 12, cols = 5;
        Tensor q = Init.orthogonal(Tensor.zeros(rows, cols), 1.0, new Rng(15));
        Rng replay = new Rng(15);
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) a[i] = replay.nextGaussian();
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                double r = 0;
                for (int k = 0; k < rows; k++) r += q.data()[k * cols + i] * a[k * cols + j];
                if (i > j) assertEquals(0, r, 1e-5, "R[" + i + "][" + j + "] below the diagonal");
                if (i == j) assertTrue(r > 0, "diag(R)[" + i + "] = " + r);
            }
        }
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentValues() {
        for (Initializer init : new Initializer[] {
                Initializer.xavierUniform(1), Initializer.xavierNormal(1), Initializer.orthogonal(1),
                Initializer.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.RELU), Initializer.scaledNormal(0.5),
                Initializer.torchDefault(), Initializer.normal(0, 1), Initializer.uniform(-1, 1)}) {
            Tensor a = Tensor.zeros(17, 23), b = Tensor.zeros(17, 23), c = Tensor.zeros(17, 23);
            init.fill(a, new Rng(99));
            init.fill(b, new Rng(99));
            init.fill(c, new Rng(100));
            assertArrayEquals(a.data(), b.data(), init.toString());
            assertFalse(java.util.Arrays.equals(a.data(), c.data()), init.toString());
        }
    }

    @Test
    void parseNamesSchemesAndRejectsUnknownOnes() {
        assertEquals("kaiming_normal(a=0.0, FAN_IN, relu)", Initializer.parse("kaiming_normal").toString());
        assertEquals("scaled_normal(gain=0.5)", Initializer.parse("scaled_normal:0.5").toString());
        assertEquals("normal(mean=0.0, std=0.01)", Initializer.parse(" Normal:0.01 ").toString());
        Tensor a = Tensor.zeros(30, 40), b = Tensor.zeros(30, 40);
        Initializer.parse("xavier_uniform").fill(a, new Rng(3));
        Init.xavierUniform(b, 1, new Rng(3));
        assertArrayEquals(b.data(), a.data());
        var ex = assertThrows(IllegalArgumentException.class, () -> Initializer.parse("lecun"));
        assertTrue(ex.getMessage().contains("'lecun'") && ex.getMessage().contains("orthogonal"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializer.parse("scaled_normal"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.parse("xavier_normal:2"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.parse("normal:abc"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void assertBounded(Tensor t, double bound) {
        float max = 0;
        for (float v : t.data()) max = Math.max(max, Math.abs(v));
        assertTrue(max <= (float) bound, "max |w| = " + max + " exceeds bound " + bound);
        assertTrue(max > 0.99 * bound, "max |w| = " + max + " should come close to the bound " + bound);
    }

    private static void assertStd(Tensor t, double expected) {
        double m = 0, s = 0;
        for (float v : t.data()) m += v;
        m /= t.numel();
        for (float v : t.data()) s += (v - m) * (v - m);
        double std = Math.sqrt(s / (t.numel() - 1));
        assertEquals(expected, std, STD_TOL * expected, "empirical std");
    }

    private static void assertMean(Tensor t, double expected, double std) {
        double m = 0;
        for (float v : t.data()) m += v;
        m /= t.numel();
        assertEquals(expected, m, 5 * std / Math.sqrt(t.numel()), "empirical mean");
    }

    /** W W^T (or W^T W when {@code columns}) equals {@code scale} * I to 1e-5. */
    private static void assertGramIsIdentity(Tensor w, int rows, int cols, boolean columns, double scale) {
        int n = columns ? cols : rows, len = columns ? rows : cols;
        float[] d = w.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < len; k++) {
                    dot += columns ? (double) d[k * cols + i] * d[k * cols + j] : (double) d[i * cols + k] * d[j * cols + k];
                }
                assertEquals(i == j ? scale : 0, dot, 1e-5 * scale, "Gram[" + i + "][" + j + "]");
            }
        }
    }
}
