package io.normlab.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@link Advisor#fromDiagnosis}: one piece of advice per verdict that applies, with its evidence. */
final class DynamicAdvice {
    private DynamicAdvice() {}

    static List<Advice> of(Diagnosis d) {
        List<Advice> out = new ArrayList<>();
        if (d.has(Verdict.NON_FINITE)) nonFinite(d, out);
        if (d.has(Verdict.DEAD)) dead(d, out);
        if (d.has(Verdict.SATURATED)) saturated(d, out);
        if (d.has(Verdict.EXPLODING)) exploding(d, out);
        if (d.has(Verdict.VANISHING) && !d.has(Verdict.DEAD)) vanishing(d, out); // dead units explain it; their fix comes first
        for (Diagnosis.TimeEvidence t : d.time()) time(t, out);
        return out;
    }

    private static void nonFinite(Diagnosis d, List<Advice> out) {
        String where, evidence;
        NonFiniteEvent e = d.nonFinite();
        if (e != null) {
            where = e.layerPath() == null ? "step " + e.step() : "layer '" + e.layerPath() + "' (" + e.layerType() + ")";
            evidence = e.message();
        } else {
            LayerStats first = d.rows().stream().filter(s -> s.nonFinite() > 0).findFirst().orElseThrow();
            where = "layer '" + first.displayPath() + "' (" + first.type() + ")";
            evidence = "NaN or infinite values at step " + d.step() + ", first (in forward order) in this layer";
        }
        out.add(new Advice(Advice.Finding.NON_FINITE, where, evidence,
                "lower the learning rate, clip the gradient norm (" + Papers.PASCANU + "), and check the inputs and the loss for NaN",
                List.of(Papers.PASCANU)));
    }

    private static void dead(Diagnosis d, List<Advice> out) {
        List<Integer> idx = indices(d, h -> h.deadFraction() > Thresholds.DEAD_FRACTION);
        String where = idx.isEmpty() ? "output layer" : Text.layers(idx);
        out.add(new Advice(Advice.Finding.DEAD_UNITS, where,
                "ReLU units zero for the whole batch: up to " + Text.pct(d.maxDead()) + " of a layer's units, which pass no gradient",
                "look for large negative biases or a too-high learning rate; start biases at 0 with He init (" + Papers.HE
                        + "), or use LeakyReLU", List.of(Papers.HE)));
    }

    private static void saturated(Diagnosis d, List<Advice> out) {
        List<Integer> idx = indices(d, h -> h.saturatedFraction() > Thresholds.SATURATED_FRACTION);
        String where = idx.isEmpty() ? "output layer" : Text.layers(idx);
        out.add(new Advice(Advice.Finding.SATURATED_UNITS, where,
                (activationOf(d, idx).isEmpty() ? "sigmoid/tanh" : activationOf(d, idx)) + " saturated: up to " + Text.pct(d.maxSaturated()) + " of outputs within 1% of a bound, where the derivative is near 0",
                "the pre-activations are too large: scale the init down (Xavier, " + Papers.GLOROT + "), standardize the inputs, or put BatchNorm before the activation ("
                        + Papers.IOFFE + ")", List.of(Papers.GLOROT, Papers.IOFFE)));
    }

    private static void exploding(Diagnosis d, List<Advice> out) {
        List<Integer> idx = indices(d, h -> h.verdict() == Verdict.EXPLODING);
        boolean batchNorm = d.rows().stream().anyMatch(s -> s.kind() == LayerKind.BATCH_NORM);
        String fix = batchNorm
                ? "deep BatchNorm networks without skip connections have exploding gradients at initialization (" + Papers.YANG
                        + "): add residual connections, warm up the learning rate, and clip the gradient norm (" + Papers.PASCANU + ")"
                : "the weights are too large for the depth: use He init for ReLU or Xavier for tanh/linear (" + Papers.HE + "; " + Papers.GLOROT
                        + "), or add normalization; clip the gradient norm (" + Papers.PASCANU + ")";
        out.add(new Advice(Advice.Finding.EXPLODING_GRADIENT, where(d, idx), "gradient grows " + Text.num(d.growthFactor())
                + "x per layer toward the input; " + ratios(d), fix,
                batchNorm ? List.of(Papers.YANG, Papers.PASCANU) : List.of(Papers.HE, Papers.GLOROT, Papers.PASCANU)));
    }

    private static void vanishing(Diagnosis d, List<Advice> out) {
        List<Integer> idx = indices(d, h -> h.verdict() == Verdict.VANISHING);
        String act = activationOf(d, idx);
        boolean saturating = act.equals("Sigmoid") || act.equals("Tanh");
        String cause = "";
        if (saturating && d.maxSaturated() >= Diagnosis.NOTABLE_SHARE) cause = act + " saturated " + Text.pct(d.maxSaturated()) + ", ";
        else if (act.equals("Sigmoid")) cause = "Sigmoid (derivative at most 1/4), ";
        else if (saturating) cause = act + ", ";
        String evidence = cause + "gradient shrinks " + Text.num(1 / d.growthFactor()) + "x per layer; " + ratios(d);
        String fix = saturating
                ? "put BatchNorm before the activation (" + Papers.IOFFE + "), or use ReLU with He init (" + Papers.HE + ")"
                : "the weights are too small for the depth: use He init, std sqrt(2/fan_in) (" + Papers.HE + "), or add normalization ("
                        + Papers.IOFFE + ")";
        out.add(new Advice(Advice.Finding.VANISHING_GRADIENT, where(d, idx), evidence, fix, List.of(Papers.IOFFE, Papers.HE)));
    }

    private static void time(Diagnosis.TimeEvidence t, List<Advice> out) {
        String name = "recurrent '" + t.gradients().name() + "'";
        String ev = "||dL/dh_0|| / ||dL/dh_last|| = " + Text.num(t.ratio()) + ", factor " + Text.num(t.factor()) + " per time step going back";
        if (t.verdict() == Verdict.VANISHING) {
            out.add(new Advice(Advice.Finding.VANISHING_THROUGH_TIME, name, "gradient vanishes through time: " + ev,
                    "early time steps get no learning signal: use an LSTM/GRU, LayerNorm in the cell (" + Papers.BA + "); see "
                            + Papers.PASCANU, List.of(Papers.BA, Papers.PASCANU)));
        } else if (t.verdict() == Verdict.EXPLODING || t.verdict() == Verdict.NON_FINITE) {
            out.add(new Advice(Advice.Finding.EXPLODING_THROUGH_TIME, name, "gradient explodes through time: " + ev,
                    "clip the gradient norm, threshold about 1 (" + Papers.PASCANU + ")", List.of(Papers.PASCANU)));
        }
    }

    /** First/last ratios, with a note when the weight-gradient ratio alone would hide the problem. */
    private static String ratios(Diagnosis d) {
        String s = "||dL/dh_1|| / ||dL/dh_L|| = " + Text.num(d.actGradRatio()) + ", ||dL/dW_1|| / ||dL/dW_L|| = " + Text.num(d.weightGradRatio());
        boolean actOff = d.actGradRatio() < Thresholds.VANISHING_RATIO || d.actGradRatio() > Thresholds.EXPLODING_RATIO;
        boolean weightOk = d.weightGradRatio() >= Thresholds.VANISHING_RATIO && d.weightGradRatio() <= Thresholds.EXPLODING_RATIO;
        if (actOff && weightOk) s += " (the weight-gradient ratio alone would hide this, " + Papers.GLOROT + ")";
        return s;
    }

    private static String where(Diagnosis d, List<Integer> idx) {
        if (!idx.isEmpty()) return Text.layers(idx);
        return d.hidden().isEmpty() ? "model" : "layers 1-" + d.hidden().size();
    }

    private static List<Integer> indices(Diagnosis d, Predicate<HiddenLayer> p) {
        List<Integer> idx = new ArrayList<>();
        for (HiddenLayer h : d.hidden()) if (p.test(h)) idx.add(h.index());
        return idx;
    }

    /** The activation type of the given hidden layers (of all when none given), "" when they have none. */
    private static String activationOf(Diagnosis d, List<Integer> idx) {
        for (HiddenLayer h : d.hidden()) {
            if ((idx.isEmpty() || idx.contains(h.index())) && !h.activation().isEmpty()) return h.activation();
        }
        return "";
    }
}
