package io.normlab.study;

import io.normlab.models.Activation;
import io.normlab.models.NormKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Study 8: does standardizing the inputs help, with and without normalization layers? Breast
 * cancer data (30 features on scales from 1e-3 to 4e3) raw vs standardized, MLP with and without
 * BatchNorm.
 */
public final class InputsStudy implements Study {
    static final double TARGET = 0.95;
    static final double TIE = 0.02;

    @Override public String id() { return "inputs"; }

    @Override public String title() { return "Standardized vs raw inputs, with and without BatchNorm"; }

    @Override public Claim claim() {
        return new Claim("Data standardization often improves the performance of normalization techniques, enabling models to converge more "
                + "quickly and effectively.", "seed article, \"Best Practices for Implementing Normalization\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.LECUN, Papers.IOFFE_SPEED);
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        int steps = config.pick(150, 600), width = 32, depth = 3;
        List<Long> seeds = config.seeds();
        TrainSpec train = TrainSpec.of(OptimizerSpec.sgd(0.01, 0.9), 32, steps, 10);
        List<Arm> arms = new ArrayList<>();
        for (boolean std : new boolean[] {false, true}) for (NormKind n : List.of(NormKind.NONE, NormKind.BATCH)) {
            Task task = Task.breastCancer(std);
            arms.add(Arm.of((std ? "standardized" : "raw") + "/" + Mlps.name(n), task, Mlps.factory(Mlps.spec(task, depth, width, Activation.RELU, n)), train));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup("UCI breast cancer (569 samples, 30 features whose scales differ by about 1e5, 2 classes), stratified 80/20 split; raw, or "
                + "standardized with the training part's mean and std. MLP " + depth + " x Linear(" + width + ") + ReLU, with or without BatchNorm "
                + "before each ReLU (so the first BatchNorm sees the raw scales only through the first Linear). SGD lr 0.01, momentum 0.9, batch 32, "
                + steps + " steps; validation every 10 steps.")
                .set("depth", depth).set("width", width).set("steps", steps).set("optimizer", train.optimizer()).set("batch", 32).set("target", TARGET);
        for (Arm a : arms) {
            String k = a.name();
            out.effect(r.effect("accuracy." + k, "validation accuracy (" + k + ")", "%", k, RunResult::finalAccuracy));
            out.effect(r.effect("steps." + k, "steps to " + Math.round(100 * TARGET) + "% (" + k + ")", "steps", k, x -> x.stepsTo(TARGET)));
            out.effect(r.effect("diverged." + k, "share of runs that diverged (" + k + ")", "%", k, x -> x.diverged() ? 1 : 0));
        }
        double rawNone = out.median("accuracy.raw/none"), stdNone = out.median("accuracy.standardized/none");
        double rawBn = out.median("accuracy.raw/batch"), stdBn = out.median("accuracy.standardized/batch");
        double stepsRawBn = out.median("steps.raw/batch"), stepsStdBn = out.median("steps.standardized/batch");
        boolean fasterWithBn = stdBn > rawBn + TIE || (!Double.isNaN(stepsStdBn) && (Double.isNaN(stepsRawBn) || stepsStdBn < 0.8 * stepsRawBn));
        out.check(Check.required("standardizing helps the plain net: accuracy at least " + Math.round(100 * TIE) + " points higher", stdNone > rawNone + TIE,
                out.text("accuracy.standardized/none") + " vs raw " + out.text("accuracy.raw/none")));
        out.check(Check.required("standardizing helps the BatchNorm net: higher accuracy (by " + Math.round(100 * TIE) + " points) or at least 20% fewer steps to "
                + Math.round(100 * TARGET) + "%", fasterWithBn, "accuracy " + out.text("accuracy.standardized/batch") + " vs raw " + out.text("accuracy.raw/batch")
                + "; steps " + out.text("steps.standardized/batch") + " vs " + out.text("steps.raw/batch")));
        out.check(Check.qualifier("BatchNorm alone recovers most of the loss from raw inputs (raw + BN within " + Math.round(100 * TIE)
                + " points of standardized + BN)", Math.abs(stdBn - rawBn) <= TIE, out.text("accuracy.raw/batch") + " vs " + out.text("accuracy.standardized/batch")));

        List<Series> acc = new ArrayList<>();
        for (Arm a : arms) acc.add(r.accuracyCurve(a.name(), a.name().replace("/none", ", no norm").replace("/batch", ", BatchNorm")));
        out.chart(Chart.lines("accuracy", "Validation accuracy: raw vs standardized inputs", "Median over seeds, band from min to max.",
                Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), acc));
        List<Series> loss = new ArrayList<>();
        for (Arm a : arms) loss.add(r.trainLossCurve(a.name(), a.name().replace("/none", ", no norm").replace("/batch", ", BatchNorm"), 10));
        out.chart(Chart.lines("train-loss", "Training loss (mean over 10-step windows)", "Raw features make the first layer's pre-activations "
                + "huge: a large, erratic loss.", Chart.Axis.linear("step"), Chart.Axis.log("training loss"), loss));
        out.cite("LeCun, Bottou, Orr & Mueller 1998", "Ioffe & Szegedy 2015");
        String headline = "accuracy raw / standardized: plain " + out.text("accuracy.raw/none") + " / " + out.text("accuracy.standardized/none")
                + ", BatchNorm " + out.text("accuracy.raw/batch") + " / " + out.text("accuracy.standardized/batch");
        String explanation = "On raw breast-cancer features the plain net reaches " + out.text("accuracy.raw/none") + " (diverged in "
                + out.text("diverged.raw/none") + " of runs) and " + out.text("accuracy.standardized/none") + " once inputs are standardized, the "
                + "classical result (LeCun et al. 1998): features on scales 1e5 apart make the first layer's gradient dominated by the largest "
                + "features. With BatchNorm after each Linear the raw net reaches " + out.text("accuracy.raw/batch") + " and the standardized one "
                + out.text("accuracy.standardized/batch") + " (steps to " + Math.round(100 * TARGET) + "%: " + out.text("steps.raw/batch") + " vs "
                + out.text("steps.standardized/batch") + "). "
                + (Math.abs(stdBn - rawBn) <= TIE ? "BatchNorm after the first Linear makes up for the raw scales here. "
                        : "BatchNorm re-scales the first layer's output, but the first layer's weights are still trained on badly scaled inputs, "
                        + "so standardizing still matters with it. ")
                + "The article's advice is sound and classical.";
        return out.finish(headline, explanation);
    }
}
