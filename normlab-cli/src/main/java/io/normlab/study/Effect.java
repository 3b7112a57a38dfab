package io.normlab.study;

import io.normlab.diagnostics.Spread;

/**
 * One measured quantity of a study over its seeds: median, min and max, and the per-seed values
 * (in seed order). These are the numbers the verdict rules and the summary table use.
 *
 * @param id      stable key, e.g. "grad_ratio_init.sigmoid.none"
 * @param label   what was measured, in words
 * @param unit    "", "%", "steps", "s", "x per layer", ...
 * @param spread  median, min, max over seeds (NaN values left out)
 * @param perSeed the value for each seed of the study, NaN where a run produced none
 */
public record Effect(String id, String label, String unit, Spread spread, double[] perSeed) {
    public Effect {
        perSeed = perSeed.clone();
    }

    public static Effect of(String id, String label, String unit, double[] perSeed) {
        return new Effect(id, label, unit, Spread.of(perSeed), perSeed);
    }

    public double median() {
        return spread.median();
    }

    @Override
    public double[] perSeed() {
        return perSeed.clone();
    }

    /** "0.91 [0.88, 0.93]" style: median and range, formatted for the unit. */
    public String text() {
        return Fmt.spread(spread, unit);
    }
}
