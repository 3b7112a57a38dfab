package io.normlab.data;

import io.normlab.tensor.Rng;
import java.util.Arrays;

/**
 * A data set cut into a training part and a validation part.
 *
 * <p>{@link #stratified} keeps the class proportions: for each class c (in label order) its
 * sample indices are shuffled by one generator seeded with {@code seed}, and the first
 * {@code round(n_c * valFraction)} go to validation. Both parts keep the original sample order.
 */
public record TrainValSplit(Dataset train, Dataset validation) {

    /** Stratified, seeded split; {@code valFraction} in (0, 1). */
    public static TrainValSplit stratified(Dataset data, double valFraction, long seed) {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("stratified split: validation fraction must be in (0, 1), got " + valFraction);
        }
        int[] counts = data.classCounts();
        int[][] byClass = new int[counts.length][];
        int[] fill = new int[counts.length];
        for (int c = 0; c < counts.length; c++) byClass[c] = new int[counts[c]];
        for (int i = 0; i < data.size(); i++) {
            int c = data.label(i);
            byClass[c][fill[c]++] = i;
        }
        Rng rng = new Rng(seed);
        boolean[] toVal = new boolean[data.size()];
        int nVal = 0;
        for (int c = 0; c < counts.length; c++) {
            rng.shuffleInPlace(byClass[c]);
            int k = (int) Math.round(counts[c] * valFraction);
            for (int j = 0; j < k; j++) toVal[byClass[c][j]] = true;
            nVal += k;
        }
        if (nVal == 0 || nVal == data.size()) {
            throw new IllegalArgumentException("stratified split: validation fraction " + valFraction + " of " + data.size()
                    + " samples leaves " + (nVal == 0 ? "an empty validation set" : "no training samples"));
        }
        int[] val = new int[nVal], train = new int[data.size() - nVal];
        int v = 0, t = 0;
        for (int i = 0; i < data.size(); i++) {
            if (toVal[i]) val[v++] = i;
            else train[t++] = i;
        }
        String how = String.format("stratified split (validation fraction %s, seed %d)", valFraction, seed);
        return new TrainValSplit(data.subset(train, "training part of " + how), data.subset(val, "validation part of " + how));
    }

    @Override
    public String toString() {
        return "TrainValSplit(train " + train.size() + " " + Arrays.toString(train.classCounts())
                + ", validation " + validation.size() + " " + Arrays.toString(validation.classCounts()) + ")";
    }
}
