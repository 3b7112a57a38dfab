package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Reductions;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class FeatureScalesTest {
    @Test
    void digitsShareOneScaleThoughBorderPixelsHaveATinyStd() {
        Tensor x = BundledData.digits().features();
        FeatureScales s = FeatureScales.of(x);
        assertEquals(16.0, s.ratio(), 0.0, "ink levels 0..16; the faintest used pixel reaches 1");
        assertFalse(s.differ());
        float[] var = Reductions.var(x, false, false, 0).data();
        double hi = 0, lo = Double.POSITIVE_INFINITY;
        for (float v : var) if (v > 0) { hi = Math.max(hi, v); lo = Math.min(lo, v); }
        assertTrue(Math.sqrt(hi / lo) > 100, "a std-based check would flag the digits: std ratio " + Math.sqrt(hi / lo));
    }

    @Test
    void breastCancerDiffersAndTheDescriptionNamesTheExtremes() {
        FeatureScales s = FeatureScales.of(BundledData.breastCancer().features());
        assertTrue(s.differ() && s.ratio() > 1e4, "ratio " + s.ratio());
        assertTrue(s.describe().startsWith("feature scales differ by a factor of "), s.describe());
        assertTrue(s.describe().contains("in feature " + s.largest()) && s.describe().contains("in feature " + s.smallest()), s.describe());
        FeatureScales z = FeatureScales.of(Tensor.zeros(3, 2));
        assertEquals(-1, z.largest());
        assertEquals(1.0, z.ratio());
    }

    @Test
    void afterStandardizationTheRatioStaysBelowTheLimit() {
        Dataset cancer = BundledData.breastCancer();
        assertFalse(FeatureScales.of(Standardizer.fit(cancer).apply(cancer.features())).differ());
    }
}
