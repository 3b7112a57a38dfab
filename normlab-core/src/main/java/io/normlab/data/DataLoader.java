package io.normlab.data;

import io.normlab.tensor.Layout;
import io.normlab.tensor.Rng;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a {@link Dataset} into mini-batches, one epoch at a time.
 *
 * <p>With shuffling, epoch {@code e} visits the samples in a permutation drawn from a generator
 * seeded by ({@code seed}, {@code e}) only, so any epoch can be replayed (or resumed) on its own
 * and the same seed always gives the same batches. Without shuffling, samples come in data-set
 * order. The last, smaller batch is kept unless {@code dropLast} is set (useful for BatchNorm,
 * whose statistics over a batch of 1 are degenerate).
 */
public final class DataLoader {
    private static final long EPOCH_MIX = 0xD1B54A32D192ED03L;

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;

    /**
     * @param batchSize samples per batch, at least 1
     * @param shuffle   draw a new seeded permutation every epoch
     * @param dropLast  skip the final batch when it is smaller than {@code batchSize}
     * @param seed      seed of the shuffling (ignored without shuffling)
     */
    public DataLoader(Dataset data, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (batchSize < 1) throw new IllegalArgumentException("DataLoader: batch size must be >= 1, got " + batchSize);
        if (dropLast && data.size() < batchSize) {
            throw new IllegalArgumentException("DataLoader: dropLast with batch size " + batchSize + " leaves no batch of " + data.size() + " samples");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    /** Shuffled every epoch with {@code seed}, last partial batch kept. */
    public static DataLoader shuffled(Dataset data, int batchSize, long seed) {
        return new DataLoader(data, batchSize, true, false, seed);
    }

    /** In data-set order, last partial batch kept (evaluation). */
    public static DataLoader sequential(Dataset data, int batchSize) {
        return new DataLoader(data, batchSize, false, false, 0);
    }

    public Dataset dataset() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int numBatches() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The order in which epoch {@code epoch} (from 0) visits the samples. */
    public int[] order(int epoch) {
        int[] idx = new int[data.size()];
        Arrays.setAll(idx, i -> i);
        if (shuffle) new Rng(new Rng(seed).nextLong() ^ (epoch * EPOCH_MIX)).shuffleInPlace(idx);
        return idx;
    }

    /** The batches of epoch {@code epoch} (from 0), built lazily as they are iterated. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        int count = numBatches();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (next >= count) throw new NoSuchElementException("epoch " + epoch + " has " + count + " batches");
                int from = next * batchSize, to = Math.min(order.length, from + batchSize);
                next++;
                int[] rows = Arrays.copyOfRange(order, from, to);
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) y[i] = data.label(rows[i]);
                return new Batch(Layout.takeRows(data.features(), rows), y);
            }
        };
    }
}
