package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void fittedDataHasZeroMeanAndUnitStdPerFeature() {
        Rng rng = new Rng(3);
        Tensor x = Tensor.randn(rng, 200, 2, 3);
        for (int i = 0; i < x.numel(); i++) x.data()[i] = x.data()[i] * (1 + i % 6) + 1e6f * (i % 6 == 2 ? 1 : 0);
        Standardizer s = Standardizer.fit(x);
        Tensor z = s.apply(x);
        for (int j = 0; j < 6; j++) {
            double sum = 0, sq = 0;
            for (int n = 0; n < 200; n++) sum += z.data()[n * 6 + j];
            double mean = sum / 200;
            for (int n = 0; n < 200; n++) sq += Math.pow(z.data()[n * 6 + j] - mean, 2);
            // feature 2 carries a 1e6 offset: floats near 1e6 are 0.0625 apart, hence the looser bounds there
            // (the unstable E[x^2] - E[x]^2 in float would be off by orders of magnitude, not percent)
            assertEquals(0, mean, j == 2 ? 0.02 : 1e-5, "mean of feature " + j);
            assertEquals(1, Math.sqrt(sq / 200), j == 2 ? 0.02 : 1e-4, "std of feature " + j);
        }
        assertArrayEquals(new int[] {2, 3}, s.mean().shape());
    }

    @Test
    void appliesTrainingStatisticsToOtherData() {
        Tensor train = Tensor.of(new float[] {1, 10, 3, 10, 5, 10}, 3, 2); // feature 1 is constant
        Standardizer s = Standardizer.fit(train);
        Tensor val = s.apply(Tensor.of(new float[] {7, 12}, 1, 2));
        double std0 = Math.sqrt(8.0 / 3); // biased std of {1, 3, 5}
        assertEquals((7 - 3) / std0, val.get(0, 0), 1e-6);
        assertEquals(2f, val.get(0, 1), 0f, "a constant feature is only centred");
        assertThrows(io.normlab.tensor.ShapeException.class, () -> s.apply(Tensor.zeros(1, 3)));
    }

    @Test
    void warnsWhenScalesDifferByOrdersOfMagnitude() {
        Dataset cancer = BundledData.breastCancer();
        assertTrue(Standardizer.scaleRatio(cancer.features()) > 1e4);
        String w = Standardizer.scaleWarning(cancer.features()).orElseThrow();
        assertTrue(w.contains("standardize"), w);
        assertTrue(Standardizer.scaleWarning(BundledData.wine().features()).isPresent());
        assertTrue(Standardizer.scaleWarning(BundledData.digits().features()).isEmpty(), "digits pixels share one scale (0..16)");
        Tensor standardized = Standardizer.fit(cancer.features()).apply(cancer.features());
        assertTrue(Standardizer.scaleWarning(standardized).isEmpty());
    }

    @Test
    void namesTheExtremeFeatures() {
        Tensor x = Tensor.of(new float[] {0.01f, 5, 2000, -0.02f, 4, -3000}, 2, 3);
        assertEquals(3000 / 0.02, Standardizer.scaleRatio(x), 1e-2);
        String w = Standardizer.scaleWarning(x).orElseThrow();
        assertTrue(w.contains("feature 2") && w.contains("feature 0"), w);
        assertTrue(Standardizer.scaleWarning(Tensor.of(new float[] {0.5f, 40, 0, 0}, 2, 2)).isEmpty());
    }
}
