package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Sample i has features (i, 100 + i) and label i % 3, so a batch row can be traced to its sample. */
    static Dataset traceable(int n) {
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 100 + i;
            y[i] = i % 3;
        }
        return new Dataset(Tensor.wrap(x, n, 2), y, List.of("a", "b", "c"), "traceable");
    }

    static List<Integer> visited(DataLoader loader, int epoch) {
        List<Integer> seen = new ArrayList<>();
        for (Batch b : loader.epoch(epoch)) {
            assertEquals(b.size(), b.x().size(0));
            for (int r = 0; r < b.size(); r++) {
                int i = (int) b.x().get(r, 0);
                assertEquals(100 + i, b.x().get(r, 1));
                assertEquals(i % 3, b.y()[r]);
                seen.add(i);
            }
        }
        return seen;
    }

    @Test
    void sequentialVisitsInOrderWithPartialLastBatch() {
        DataLoader loader = DataLoader.sequential(traceable(10), 4);
        assertEquals(3, loader.numBatches());
        List<Integer> sizes = new ArrayList<>();
        for (Batch b : loader.epoch(0)) sizes.add(b.size());
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), visited(loader, 0));
    }

    @Test
    void dropLastSkipsThePartialBatch() {
        DataLoader loader = new DataLoader(traceable(10), 4, true, true, 7);
        assertEquals(2, loader.numBatches());
        List<Integer> seen = visited(loader, 0);
        assertEquals(8, seen.size());
        assertEquals(8, seen.stream().distinct().count());
    }

    @Test
    void shuffleIsASeededPermutationPerEpoch() {
        DataLoader a = DataLoader.shuffled(traceable(50), 8, 42), b = DataLoader.shuffled(traceable(50), 8, 42);
        List<Integer> e0 = visited(a, 0), e1 = visited(a, 1);
        assertEquals(e0, visited(b, 0), "same seed, same epoch, same order");
        assertEquals(e1, visited(b, 1));
        assertNotEquals(e0, e1, "each epoch has its own order");
        assertNotEquals(e0, visited(DataLoader.shuffled(traceable(50), 8, 43), 0), "another seed, another order");
        int[] sorted = e0.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] all = new int[50];
        Arrays.setAll(all, i -> i);
        assertArrayEquals(all, sorted, "every sample exactly once");
        assertEquals(e1, visited(a, 1), "an epoch can be replayed");
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> DataLoader.sequential(traceable(5), 0));
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(traceable(5), 8, false, true, 0));
    }
}
