package io.normlab.diagnostics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The result of diagnosing a network: its configuration, one run per seed (each with the
 * diagnoses of its recorded steps), the advice, and the spread over seeds of the first/last ratios.
 * Rendered as a table ({@link #toText()}) or JSON ({@link #toJson()}); the core library has no JSON
 * dependency, so the JSON is built by hand, non-finite numbers written as null.
 *
 * @param config the settings that produced it (model, init, batch, data, ...), in display order
 * @param runs   one per seed, in order
 * @param advice static and dynamic advice
 */
public record DiagnosticReport(Map<String, String> config, List<Run> runs, List<Advice> advice) {
    public DiagnosticReport {
        if (runs.isEmpty()) throw new IllegalArgumentException("DiagnosticReport: at least one run is needed");
        for (Run r : runs) if (r.steps().isEmpty()) throw new IllegalArgumentException("DiagnosticReport: run with seed " + r.seed() + " has no step");
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        runs = List.copyOf(runs);
        advice = List.copyOf(advice);
    }

    /**
     * The diagnoses of one seed.
     *
     * @param seed  the seed of the run (initialization, data, labels)
     * @param steps one diagnosis per recorded step, in order
     */
    public record Run(long seed, List<Diagnosis> steps) {
        public Run {
            steps = List.copyOf(steps);
        }

        /** The run's last recorded step. */
        public Diagnosis last() {
            return steps.get(steps.size() - 1);
        }
    }

    /** Spread over seeds (last step of each run) of a diagnosis quantity. */
    public Spread spread(ToDoubleFunction<Diagnosis> quantity) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = quantity.applyAsDouble(runs.get(i).last());
        return Spread.of(v);
    }

    /** ||dL/dh_1|| / ||dL/dh_L|| over seeds. */
    public Spread actGradRatio() {
        return spread(Diagnosis::actGradRatio);
    }

    /** ||dL/dW_1|| / ||dL/dW_L|| over seeds. */
    public Spread weightGradRatio() {
        return spread(Diagnosis::weightGradRatio);
    }

    /** Backward growth factor per layer over seeds. */
    public Spread growthFactor() {
        return spread(Diagnosis::growthFactor);
    }

    /** How many seeds' last step had each primary verdict, in {@link Verdict} order. */
    public Map<Verdict, Integer> verdictCounts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Run r : runs) counts.merge(r.last().verdict(), 1, Integer::sum);
        return counts;
    }

    /** The most frequent primary verdict over seeds; ties go to the more fundamental one ({@link Verdict} order). */
    public Verdict verdict() {
        Verdict best = null;
        int n = -1;
        for (Map.Entry<Verdict, Integer> e : verdictCounts().entrySet()) {
            if (e.getValue() > n) { best = e.getKey(); n = e.getValue(); }
        }
        return best;
    }

    /** The seeds, in order. */
    public List<Long> seeds() {
        List<Long> s = new ArrayList<>();
        for (Run r : runs) s.add(r.seed());
        return s;
    }

    /** A plain-text report: configuration, per-layer table and hidden layers of the first seed, ratios over seeds, verdict, advice. */
    public String toText() {
        return ReportText.render(this);
    }

    /** The whole report as one JSON object (every run, step and row). */
    public String toJson() {
        return ReportJson.render(this);
    }
}
