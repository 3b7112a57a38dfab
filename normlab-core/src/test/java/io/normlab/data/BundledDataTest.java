package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundledDataTest {
    @Test
    void digitsAsVectorsImagesAndSequences() {
        Dataset d = BundledData.digits();
        assertArrayEquals(new int[] {1797, 64}, d.features().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        int[] counts = d.classCounts();
        for (int c : counts) assertTrue(c >= 170 && c <= 190, "classes are roughly balanced: " + c);
        // first row of the file: 0,0,5,13,9,1,0,0, ... label 0
        assertEquals(5f, d.features().get(0, 2));
        assertEquals(13f, d.features().get(0, 3));
        assertEquals(0, d.label(0));
        float max = 0;
        for (float v : d.features().data()) max = Math.max(max, v);
        assertEquals(16f, max);
        assertTrue(d.provenance().contains("Alpaydin"));

        Dataset img = BundledData.digitsImages(), seq = BundledData.digitsSequences();
        assertArrayEquals(new int[] {1797, 1, 8, 8}, img.features().shape());
        assertArrayEquals(new int[] {1797, 8, 8}, seq.features().shape());
        // pixel (row 0, column 3) of image 0; step 0, feature 3 of sequence 0
        assertEquals(13f, img.features().get(0, 0, 0, 3));
        assertEquals(13f, seq.features().get(0, 0, 3));
        assertEquals(d.features().get(5, 8 * 6 + 2), seq.features().get(5, 6, 2));
    }

    @Test
    void breastCancerAndWine() {
        Dataset c = BundledData.breastCancer();
        assertArrayEquals(new int[] {569, 30}, c.features().shape());
        assertEquals(List.of("malignant", "benign"), c.classNames());
        assertArrayEquals(new int[] {212, 357}, c.classCounts());
        assertEquals(17.99f, c.features().get(0, 0));
        assertTrue(c.provenance().contains("Wolberg"));

        Dataset w = BundledData.wine();
        assertArrayEquals(new int[] {178, 13}, w.features().shape());
        assertEquals(List.of("class_0", "class_1", "class_2"), w.classNames());
        assertArrayEquals(new int[] {59, 71, 48}, w.classCounts());
        assertEquals(1065f, w.features().get(0, 12));
    }

    @Test
    void byNameListsTheChoicesOnError() {
        assertEquals(178, BundledData.byName("wine").size());
        var e = assertThrows(IllegalArgumentException.class, () -> BundledData.byName("mnist"));
        assertTrue(e.getMessage().contains("digits, breast-cancer, wine"), e.getMessage());
    }
}
