package io.normlab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a running study measured and concluded, then builds its {@link StudyResult}
 * with the verdict decided from the checks ({@link Verdict#decide}) and the provenance
 * (versions, seeds, wall time since this object was made).
 */
public final class Outcome {
    private final Study study;
    private final StudyConfig config;
    private final List<Long> seeds;
    private final long start = System.nanoTime();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Effect> effects = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String setup = "";

    public Outcome(Study study, StudyConfig config, List<Long> seeds) {
        this.study = study;
        this.config = config;
        this.seeds = List.copyOf(seeds);
    }

    public Outcome setup(String text) {
        this.setup = text;
        return this;
    }

    /** Records a setting (shown in the report's setup table and the JSON). */
    public Outcome set(String key, Object value) {
        settings.put(key, String.valueOf(value));
        return this;
    }

    public Effect effect(Effect e) {
        if (effects.stream().anyMatch(x -> x.id().equals(e.id()))) throw new IllegalArgumentException("duplicate effect id '" + e.id() + "'");
        effects.add(e);
        return e;
    }

    /** The text of a recorded effect ("0.91 [0.88, 0.93]"), for headlines and explanations. */
    public String text(String effectId) {
        for (Effect e : effects) if (e.id().equals(effectId)) return e.text();
        throw new IllegalArgumentException("no effect '" + effectId + "' recorded yet");
    }

    /** A recorded effect. */
    public Effect effectOf(String effectId) {
        for (Effect e : effects) if (e.id().equals(effectId)) return e;
        throw new IllegalArgumentException("no effect '" + effectId + "' recorded yet");
    }

    /** The median of a recorded effect. */
    public double median(String effectId) {
        for (Effect e : effects) if (e.id().equals(effectId)) return e.median();
        throw new IllegalArgumentException("no effect '" + effectId + "' recorded yet");
    }

    public Check check(Check c) {
        checks.add(c);
        return c;
    }

    public Outcome chart(Chart c) {
        if (charts.stream().anyMatch(x -> x.id().equals(c.id()))) throw new IllegalArgumentException("duplicate chart id '" + c.id() + "'");
        charts.add(c);
        return this;
    }

    public Outcome cite(String... refs) {
        for (String r : refs) if (!references.contains(r)) references.add(r);
        return this;
    }

    /** The verdict the checks so far decide. */
    public Verdict verdict() {
        return Verdict.decide(checks);
    }

    /**
     * The result, with {@code headline} (NormLab's key numbers in one line) and
     * {@code explanation} (the verdict paragraph).
     */
    public StudyResult finish(String headline, String explanation) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StudyResult(study.id(), study.title(), study.claim(), study.literature(), setup, settings, effects, checks,
                verdict(), headline, explanation, references, charts, Provenance.now(config, seeds, seconds));
    }
}
