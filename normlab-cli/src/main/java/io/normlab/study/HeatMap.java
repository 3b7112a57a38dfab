package io.normlab.study;

/**
 * A grid of values by step (columns) and layer (rows), e.g. log10 of the activation-gradient norm
 * of hidden layer l at training step t, for one arm and one seed.
 *
 * @param steps  column positions (training steps)
 * @param layers row positions (hidden layer index, 1 = nearest the input)
 * @param values {@code values[row][column]}; NaN where nothing was measured
 * @param zLabel what the colour shows, e.g. "log10 ||dL/dh||"
 */
public record HeatMap(double[] steps, double[] layers, double[][] values, String zLabel) {
    public HeatMap {
        if (values.length != layers.length) throw new IllegalArgumentException("HeatMap: " + values.length + " rows for " + layers.length + " layers");
        for (double[] row : values) {
            if (row.length != steps.length) throw new IllegalArgumentException("HeatMap: a row of " + row.length + " values for " + steps.length + " steps");
        }
    }
}
