package io.normlab.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a study measured and concluded; written as JSON and rendered as a report section.
 *
 * @param id          the study's id ("vanishing")
 * @param title       its title
 * @param claim       the claim tested
 * @param literature  what the papers measured, shown beside NormLab's numbers
 * @param setup       the experiment in a few sentences (model, data, training, arms)
 * @param config      the settings as key/value pairs (depth, width, steps, learning rates, ...)
 * @param effects     the measured quantities with their spread over seeds
 * @param checks      the verdict rules and their outcomes
 * @param verdict     {@link Verdict#decide} of the checks
 * @param headline    NormLab's key numbers in one line, for the summary table
 * @param explanation one paragraph: what was found, where it agrees or disagrees with the
 *                    literature, and why
 * @param references  the papers cited
 * @param charts      the figures
 * @param provenance  versions, seeds, threads, date, wall time
 */
public record StudyResult(String id, String title, Claim claim, List<Literature> literature, String setup,
                          Map<String, String> config, List<Effect> effects, List<Check> checks, Verdict verdict,
                          String headline, String explanation, List<String> references, List<Chart> charts,
                          Provenance provenance) {
    public StudyResult {
        literature = List.copyOf(literature);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        effects = List.copyOf(effects);
        checks = List.copyOf(checks);
        references = List.copyOf(references);
        charts = List.copyOf(charts);
    }

    /** The effect with {@code id}, or an exception naming the ids there are. */
    public Effect effect(String effectId) {
        for (Effect e : effects) if (e.id().equals(effectId)) return e;
        throw new IllegalArgumentException("study " + id + " has no effect '" + effectId + "'");
    }
}
