package io.normlab.study;

import io.normlab.diagnostics.Growth;
import io.normlab.models.Activation;
import io.normlab.models.NormKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Study 1: does normalization fix vanishing gradients? A 20-layer sigmoid (and tanh) MLP on
 * digits with no normalization, BatchNorm, LayerNorm, GroupNorm and RMSNorm before each
 * activation: depth profiles of ||dL/dh_l|| and ||dL/dW_l|| at initialization and at the end,
 * saturation, a heat map of the gradient by layer and step, and accuracy curves.
 */
public final class VanishingStudy implements Study {
    static final int DEPTH = 20;
    static final List<Activation> ACTIVATIONS = List.of(Activation.SIGMOID, Activation.TANH);
    static final List<NormKind> NORMS = List.of(NormKind.NONE, NormKind.BATCH, NormKind.LAYER, NormKind.GROUP, NormKind.RMS);
    /** A normalized net "restores" gradient flow when its first/last ratio at init is within [this, 1/this]. */
    static final double RESTORED_RATIO = 0.1;
    /** The plain net "vanishes" when its first/last ratio at init is below this. */
    static final double VANISHED_RATIO = 0.01;
    /** Accuracy gain over the plain net that counts as "training fixed". */
    static final double ACC_GAIN = 0.20;

    @Override public String id() { return "vanishing"; }

    @Override public String title() { return "Vanishing gradients in a 20-layer sigmoid/tanh MLP"; }

    @Override public Claim claim() {
        return new Claim("By employing normalization techniques, we can effectively combat vanishing gradients, ensuring that signal "
                + "flow within the network remains robust.", "seed article, \"How Normalization Mitigates Vanishing Gradients\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.GLOROT, Papers.IOFFE_SIGMOID);
    }

    static String arm(Activation a, NormKind n) {
        return Mlps.name(a) + "/" + Mlps.name(n);
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digits();
        int width = 32, steps = config.pick(100, 400), probeEvery = config.pick(10, 20);
        List<Long> seeds = config.seeds();
        TrainSpec heat = TrainSpec.of(OptimizerSpec.sgd(0.01, 0.9), 64, steps, config.pick(10, 20)).withProbesEvery(probeEvery);
        int last = heat.probeSteps()[heat.probeSteps().length - 1];
        TrainSpec train = heat.withProbes(0, last);
        List<Arm> arms = new ArrayList<>();
        for (Activation a : ACTIVATIONS) for (NormKind n : NORMS) {
            boolean heatMap = a == Activation.SIGMOID && (n == NormKind.NONE || n == NormKind.BATCH);
            arms.add(Arm.of(arm(a, n), task, Mlps.factory(Mlps.spec(task, DEPTH, width, a, n)), heatMap ? heat : train));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup("MLP on the UCI digits (64 standardized pixels, 10 classes): " + DEPTH + " hidden Linear(" + width + ") layers, each followed by "
                + "the normalization (if any) and then the activation (GroupNorm: 8 groups of 4 features); PyTorch's default initialization. "
                + "SGD lr 0.01, momentum 0.9, batch 64, " + steps + " steps. Gradient norms per hidden layer are measured with the diagnostics "
                + "Monitor at step 0 (initialization) and step " + last + " (every " + probeEvery + " steps for the heat maps); h_l is the output of "
                + "hidden block l.")
                .set("depth", DEPTH).set("width", width).set("steps", steps).set("optimizer", train.optimizer()).set("batch", 64)
                .set("probe every", probeEvery).set("arms", "{sigmoid, tanh} x {none, BatchNorm, LayerNorm, GroupNorm(8), RMSNorm}");
        for (Activation a : ACTIVATIONS) for (NormKind n : NORMS) {
            String k = arm(a, n), what = Mlps.name(a) + ", " + Mlps.label(n);
            out.effect(r.effect("ratio_init." + k, "||dL/dh_1|| / ||dL/dh_20|| at init (" + what + ")", "", k, x -> x.profile(0).actRatio()));
            out.effect(r.effect("wratio_init." + k, "||dL/dW_1|| / ||dL/dW_20|| at init (" + what + ")", "", k, x -> x.profile(0).weightRatio()));
            out.effect(r.effect("factor_init." + k, "gradient factor per layer toward the input at init (" + what + ")", "x",
                    k, x -> Growth.backwardFactor(x.profile(0).actGrad())));
            out.effect(r.effect("saturation_init." + k, "mean saturated share of the activations at init (" + what + ")", "%",
                    k, x -> Results.mean(x.profile(0).saturation())));
            out.effect(r.effect("accuracy." + k, "validation accuracy after " + steps + " steps (" + what + ")", "%", k, RunResult::finalAccuracy));
        }

        List<String> notRestored = new ArrayList<>(), notTrained = new ArrayList<>();
        for (Activation a : ACTIVATIONS) {
            double plainRatio = r.median(arm(a, NormKind.NONE), x -> x.profile(0).actRatio());
            double plainAcc = r.median(arm(a, NormKind.NONE), RunResult::finalAccuracy);
            out.check(Check.required("without normalization the " + Mlps.name(a) + " net's gradient vanishes at init: ||dL/dh_1||/||dL/dh_20|| < "
                    + VANISHED_RATIO, plainRatio < VANISHED_RATIO, "ratio " + out.text("ratio_init." + arm(a, NormKind.NONE))));
        }
        for (NormKind n : NORMS.subList(1, NORMS.size())) {
            StringBuilder ev = new StringBuilder(), evAcc = new StringBuilder();
            boolean restored = true, trained = true;
            for (Activation a : ACTIVATIONS) {
                double ratio = r.median(arm(a, n), x -> x.profile(0).actRatio());
                double gain = r.median(arm(a, n), RunResult::finalAccuracy) - r.median(arm(a, NormKind.NONE), RunResult::finalAccuracy);
                restored &= ratio >= RESTORED_RATIO && ratio <= 1 / RESTORED_RATIO;
                trained &= gain >= ACC_GAIN;
                ev.append(ev.length() == 0 ? "" : "; ").append(Mlps.name(a)).append(": ").append(out.text("ratio_init." + arm(a, n)));
                evAcc.append(evAcc.length() == 0 ? "" : "; ").append(Mlps.name(a)).append(": ")
                        .append(out.text("accuracy." + arm(a, n))).append(" vs ").append(out.text("accuracy." + arm(a, NormKind.NONE)));
            }
            out.check(Check.required(Mlps.label(n) + " restores gradient flow at init: ||dL/dh_1||/||dL/dh_20|| within [" + RESTORED_RATIO
                    + ", " + Fmt.num(1 / RESTORED_RATIO) + "] (sigmoid and tanh)", restored, ev.toString()));
            out.check(Check.required(Mlps.label(n) + " makes the deep net train: accuracy at least " + Math.round(100 * ACC_GAIN)
                    + " points above the plain net (sigmoid and tanh)", trained, evAcc.toString()));
            if (!restored) notRestored.add(Mlps.label(n));
            if (!trained) notTrained.add(Mlps.label(n));
        }

        for (Activation a : ACTIVATIONS) {
            List<Series> init = new ArrayList<>(), end = new ArrayList<>(), acc = new ArrayList<>();
            for (NormKind n : NORMS) {
                init.add(r.depthProfile(arm(a, n), Mlps.label(n), 0, Profile::actGrad));
                end.add(r.depthProfile(arm(a, n), Mlps.label(n), last, Profile::actGrad));
                acc.add(r.accuracyCurve(arm(a, n), Mlps.label(n)));
            }
            String an = Mlps.name(a);
            out.chart(Chart.lines(an + "-profile-init", an + ": ||dL/dh_l|| by layer at initialization",
                    "Gradient norm reaching each hidden layer (1 = input side); a line falling to the left is a vanishing gradient.",
                    Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dh_l||"), init));
            out.chart(Chart.lines(an + "-profile-end", an + ": ||dL/dh_l|| by layer at step " + last,
                    "The same after training: does the normalized net keep its gradient flowing?",
                    Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dh_l||"), end));
            out.chart(Chart.lines(an + "-accuracy", an + ": validation accuracy",
                    "Median over seeds, band from min to max.", Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), acc));
        }
        List<Series> weight = new ArrayList<>(), sat = new ArrayList<>();
        for (NormKind n : NORMS) {
            weight.add(r.depthProfile(arm(Activation.SIGMOID, n), Mlps.label(n), 0, Profile::weightGrad));
            sat.add(r.depthProfile(arm(Activation.SIGMOID, n), Mlps.label(n), 0, Profile::saturation));
        }
        out.chart(Chart.lines("sigmoid-weight-profile-init", "sigmoid: ||dL/dW_l|| by layer at initialization",
                "Weight gradients can look flatter than activation gradients (Glorot & Bengio's warning): compare with the first chart.",
                Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dW_l||"), weight));
        out.chart(Chart.lines("sigmoid-saturation-init", "sigmoid: saturated share by layer at initialization",
                "Share of sigmoid outputs below 0.01 or above 0.99.", Chart.Axis.linear("hidden layer l"), Chart.Axis.linear("saturated share"), sat));
        for (NormKind n : List.of(NormKind.NONE, NormKind.BATCH)) {
            out.chart(Chart.heat("sigmoid-heat-" + Mlps.name(n), "sigmoid, " + Mlps.label(n) + ": log10 ||dL/dh_l|| by layer and step (seed " + seeds.get(0) + ")",
                    "Each column is one probed training step; dark rows at the bottom are layers the gradient does not reach.",
                    Chart.Axis.linear("step"), Chart.Axis.linear("hidden layer l"), r.heatMap(arm(Activation.SIGMOID, n), Profile::actGrad, "log10 ||dL/dh||")));
        }
        out.cite("Glorot & Bengio 2010", "Ioffe & Szegedy 2015", "Ba, Kiros & Hinton 2016", "Wu & He 2018", "Zhang & Sennrich 2019");

        String headline = "first/last gradient ratio at init, sigmoid: none " + out.text("ratio_init.sigmoid/none") + ", BN "
                + out.text("ratio_init.sigmoid/batch") + ", LN " + out.text("ratio_init.sigmoid/layer") + "; accuracy none "
                + out.text("accuracy.sigmoid/none") + " vs BN " + out.text("accuracy.sigmoid/batch");
        String explanation = "Without normalization the gradient reaching the first of " + DEPTH + " sigmoid layers is "
                + out.text("ratio_init.sigmoid/none") + " times the last layer's at initialization (tanh: "
                + out.text("ratio_init.tanh/none") + "), a factor of " + out.text("factor_init.sigmoid/none")
                + " per layer, and the sigmoid net ends at " + out.text("accuracy.sigmoid/none") + " validation accuracy: the "
                + "vanishing gradient Glorot & Bengio describe (the saturated share at init is " + out.text("saturation_init.sigmoid/none")
                + ": with PyTorch's default init the sigmoid's slope, at most 1/4, and the small weights shrink the gradient without "
                + "saturating the units). BatchNorm before each sigmoid lifts the ratio to "
                + out.text("ratio_init.sigmoid/batch") + " and accuracy to " + out.text("accuracy.sigmoid/batch")
                + ", in line with Ioffe & Szegedy's sigmoid Inception (69.8% with BN, chance without). "
                + (notRestored.isEmpty() ? "Every normalization tested restores the gradient flow at initialization. "
                        : String.join(", ", notRestored) + " did not restore it by our rule (first/last ratio within [" + RESTORED_RATIO + ", "
                        + Fmt.num(1 / RESTORED_RATIO) + "] for both activations). With sigmoid the per-layer factor is "
                        + out.text("factor_init.sigmoid/layer") + " with LayerNorm, " + out.text("factor_init.sigmoid/rms") + " with RMSNorm and "
                        + out.text("factor_init.sigmoid/group") + " with GroupNorm against " + out.text("factor_init.sigmoid/batch")
                        + " with BatchNorm: per-sample statistics are taken across the features of one sample, and the sigmoid outputs feeding "
                        + "each layer share a large common offset (mean about 0.5) whose contribution they do not remove, so the pre-activation "
                        + "scale they divide by stays large and the backward gain below 1; BatchNorm's per-feature statistics over the batch "
                        + "remove it. With tanh, whose outputs are centred, the ratios are " + out.text("ratio_init.tanh/layer") + " (LayerNorm), "
                        + out.text("ratio_init.tanh/rms") + " (RMSNorm) and " + out.text("ratio_init.tanh/group") + " (GroupNorm over groups of 4 "
                        + "features). ")
                + (notTrained.isEmpty() ? "Every normalization also makes the deep net train. "
                        : String.join(", ", notTrained) + " did not raise accuracy by " + Math.round(100 * ACC_GAIN) + " points over the plain net for "
                        + "both activations in this budget (tanh: LayerNorm " + out.text("accuracy.tanh/layer") + ", RMSNorm " + out.text("accuracy.tanh/rms")
                        + ", GroupNorm " + out.text("accuracy.tanh/group") + "). ")
                + "Without normalization the first/last ratio of the weight gradients is " + out.text("wratio_init.sigmoid/none") + " (sigmoid) and "
                + out.text("wratio_init.tanh/none") + " (tanh) against " + out.text("ratio_init.sigmoid/none") + " and " + out.text("ratio_init.tanh/none")
                + " for the activation gradients: "
                + (out.median("wratio_init.tanh/none") > 10 * out.median("ratio_init.tanh/none")
                        ? "the weight gradients look flatter, Glorot & Bengio's warning that they alone can hide vanishing. "
                        : "here both show the vanishing. ")
                + "Initialization alone (Xavier/He) also fixes plain nets: see the initialization study.";
        return out.finish(headline, explanation);
    }
}
