package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    static Dataset small() {
        float[] x = new float[12];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new Dataset(Tensor.wrap(x, 4, 3), new int[] {0, 1, 1, 2}, List.of("a", "b", "c"), "test data");
    }

    @Test
    void subsetTakesRowsAndLabelsInOrder() {
        Dataset s = small().subset(new int[] {3, 0}, "rows 3 and 0");
        assertArrayEquals(new float[] {9, 10, 11, 0, 1, 2}, s.features().data());
        assertArrayEquals(new int[] {2, 0}, s.labels());
        assertEquals("test data; rows 3 and 0", s.provenance());
        assertArrayEquals(new int[] {1, 0, 1}, s.classCounts());
    }

    @Test
    void reshapeSamplesKeepsValues() {
        Dataset d = small().reshapeSamples(1, 3);
        assertArrayEquals(new int[] {4, 1, 3}, d.features().shape());
        assertArrayEquals(new int[] {1, 3}, d.sampleShape());
        assertEquals(5f, d.features().get(1, 0, 2));
        assertThrows(ShapeException.class, () -> small().reshapeSamples(2, 2));
    }

    @Test
    void labelsAreCopiedAndChecked() {
        int[] y = {0, 1, 1, 2};
        Dataset d = new Dataset(Tensor.zeros(4, 3), y, List.of("a", "b", "c"), "t");
        y[0] = 2;
        assertEquals(0, d.label(0));
        d.labels()[1] = 0;
        assertEquals(1, d.label(1));
        var e = assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(2, 3), new int[] {0, 3}, List.of("a", "b", "c"), "t"));
        assertTrue(e.getMessage().contains("label 3 of sample 1"), e.getMessage());
        assertThrows(ShapeException.class, () -> new Dataset(Tensor.zeros(3, 3), new int[] {0, 1}, List.of("a", "b"), "t"));
    }
}
