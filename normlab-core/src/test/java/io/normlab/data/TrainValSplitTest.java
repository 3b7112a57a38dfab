package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainValSplitTest {
    /** 100 samples: 50 of class 0, 30 of class 1, 20 of class 2; feature = sample index. */
    static Dataset unbalanced() {
        int n = 100;
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i < 50 ? 0 : i < 80 ? 1 : 2;
        }
        return new Dataset(Tensor.wrap(x, n, 1), y, List.of("a", "b", "c"), "unbalanced");
    }

    static Set<Integer> ids(Dataset d) {
        Set<Integer> s = new HashSet<>();
        for (float v : d.features().data()) s.add((int) v);
        return s;
    }

    @Test
    void keepsClassProportionsAndPartitionsTheSamples() {
        TrainValSplit s = TrainValSplit.stratified(unbalanced(), 0.2, 5);
        assertArrayEquals(new int[] {10, 6, 4}, s.validation().classCounts());
        assertArrayEquals(new int[] {40, 24, 16}, s.train().classCounts());
        Set<Integer> train = ids(s.train()), val = ids(s.validation());
        assertEquals(80, train.size());
        assertEquals(20, val.size());
        train.retainAll(val);
        assertTrue(train.isEmpty(), "train and validation overlap");
        for (int i = 0; i < s.train().size(); i++) {
            int id = (int) s.train().features().data()[i];
            assertEquals(unbalanced().label(id), s.train().label(i), "label travels with its sample");
        }
        assertTrue(s.validation().provenance().contains("seed 5"));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        float[] a = TrainValSplit.stratified(unbalanced(), 0.25, 1).validation().features().data();
        float[] b = TrainValSplit.stratified(unbalanced(), 0.25, 1).validation().features().data();
        float[] c = TrainValSplit.stratified(unbalanced(), 0.25, 2).validation().features().data();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void rejectsFractionsOutsideTheOpenInterval() {
        assertThrows(IllegalArgumentException.class, () -> TrainValSplit.stratified(unbalanced(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainValSplit.stratified(unbalanced(), 1, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> TrainValSplit.stratified(unbalanced(), 0.001, 1));
        assertTrue(e.getMessage().contains("empty validation set"), e.getMessage());
    }
}
