package io.normlab.nn.norm;

import io.normlab.tensor.ShapeException;

/**
 * Which elements share a mean and a variance: the one choice that tells the normalization layers
 * apart. An input of any rank is viewed as {@code (N, C, S)}, row-major, with S the product of the
 * trailing dims; a <em>row</em> is the S contiguous elements of one (n, c). Channels are cut into
 * {@code groups} consecutive blocks of {@code C / groups} channels.
 * <ul>
 *   <li>{@link #perChannel}: statistics over (N, S) for each channel c, {@code C} of them
 *       (BatchNorm: each channel is its own group and the batch is pooled).</li>
 *   <li>{@link #perSample}: statistics over (C/G, S) for each (n, g), {@code N * G} of them
 *       (GroupNorm; InstanceNorm is G = C; LayerNorm is G = 1, usually with the normalized
 *       dims viewed as {@code (rows, 1, D)}).</li>
 * </ul>
 *
 * @param n           batch size N (or the number of rows for LayerNorm)
 * @param c           channels C
 * @param s           elements per (n, c): product of the trailing dims
 * @param groups      channel groups G (C for BatchNorm and InstanceNorm)
 * @param poolBatch   true when the batch dim is pooled into the statistics (BatchNorm)
 */
public record NormLayout(int n, int c, int s, int groups, boolean poolBatch) {
    public NormLayout {
        if (n < 1 || c < 1 || s < 1 || groups < 1) {
            throw new ShapeException("NormLayout: sizes must be positive, got N=" + n + ", C=" + c + ", S=" + s + ", groups=" + groups);
        }
        if (c % groups != 0) {
            throw new ShapeException("NormLayout: channels (" + c + ") must be divisible by groups (" + groups + ")");
        }
        if ((long) n * c * s > Integer.MAX_VALUE) throw new ShapeException("NormLayout: N*C*S exceeds 2^31-1");
    }

    /** BatchNorm's grouping: one statistic per channel, over the batch and the trailing dims. */
    public static NormLayout perChannel(int n, int c, int s) {
        return new NormLayout(n, c, s, c, true);
    }

    /** Per-sample grouping: one statistic per (n, group) over C/groups channels and S. */
    public static NormLayout perSample(int n, int c, int s, int groups) {
        return new NormLayout(n, c, s, groups, false);
    }

    /** Views {@code shape} (rank at least 2) as (shape[0], shape[1], product of the rest). */
    static int[] ncs(String op, int[] shape) {
        if (shape.length < 2) throw new ShapeException(op + ": expected input of shape (N, C, *), got rank " + shape.length + " " + java.util.Arrays.toString(shape));
        int s = 1;
        for (int d = 2; d < shape.length; d++) s *= shape[d];
        return new int[] {shape[0], shape[1], s};
    }

    /** Number of statistics (means and variances). */
    public int statCount() {
        return poolBatch ? groups : n * groups;
    }

    /** Elements averaged into each statistic. */
    public int groupSize() {
        return (c / groups) * s * (poolBatch ? n : 1);
    }

    /** Channels per group. */
    public int channelsPerGroup() {
        return c / groups;
    }

    /** Number of rows (n, c). */
    public int rows() {
        return n * c;
    }

    public int numel() {
        return n * c * s;
    }

    /** Index of the statistic used by row {@code r = n * C + c}. */
    public int statOfRow(int r) {
        int ch = r % c;
        int g = ch / (c / groups);
        return poolBatch ? g : (r / c) * groups + g;
    }
}
