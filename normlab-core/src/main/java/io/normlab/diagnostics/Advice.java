package io.normlab.diagnostics;

import java.util.List;

/**
 * One finding of the {@link Advisor}, in plain words: where, what was seen, what to do, and the
 * papers behind the fix.
 *
 * @param finding    what kind of problem
 * @param layers     where ("layers 3-17" for hidden layers, module paths for static checks, "input")
 * @param evidence   what was measured or seen ("sigmoid saturated 94%, gradient shrinks 4x per layer")
 * @param fix        what to do, with references inline ("put BatchNorm before the activation (Ioffe &amp; Szegedy 2015)")
 * @param references the papers cited in {@code fix}
 */
public record Advice(Finding finding, String layers, String evidence, String fix, List<String> references) {
    public Advice {
        references = List.copyOf(references);
    }

    /** The kinds of finding: static ones from the architecture, dynamic ones from a {@link Diagnosis}. */
    public enum Finding {
        NORM_AFTER_ACTIVATION, BATCH_NORM_SMALL_BATCH, BATCH_NORM_IN_RECURRENCE, BIAS_BEFORE_BATCH_NORM,
        DEEP_SATURATING_NO_NORM, INPUT_SCALES_DIFFER, INPUT_NOT_CENTERED,
        NON_FINITE, DEAD_UNITS, SATURATED_UNITS, VANISHING_GRADIENT, EXPLODING_GRADIENT,
        VANISHING_THROUGH_TIME, EXPLODING_THROUGH_TIME;

        /** True for the findings that come from measurements rather than from the architecture. */
        public boolean isDynamic() {
            return ordinal() >= NON_FINITE.ordinal();
        }
    }

    /** "where: evidence: fix". */
    public String text() {
        return layers + ": " + evidence + ": " + fix;
    }

    @Override
    public String toString() {
        return text();
    }
}
