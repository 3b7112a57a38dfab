package io.normlab.cli;

import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.nn.Module;
import io.normlab.optim.Optimizer;
import io.normlab.tensor.Backend;
import io.normlab.tensor.Rng;
import io.normlab.train.EpochMetrics;
import io.normlab.train.Trainer;
import io.normlab.train.TrainingListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code normlab train}: trains an MLP classifier on a bundled data set and reports validation accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a classifier (MLP, CNN or recurrent net) on a bundled data set or a CSV file; print per-epoch loss and validation accuracy."},
        footer = {"", "Example: normlab train --data digits --hidden 128,64 --activation relu --epochs 15"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin OptimizerOptions optimizer;

    @Option(names = "--epochs", defaultValue = "15", paramLabel = "N", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "B", description = "Samples per mini-batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--clip-norm", defaultValue = "0", paramLabel = "MAX",
            description = "Clip the global gradient norm to MAX; 0 = off (default: ${DEFAULT-VALUE}).")
    double clipNorm;

    @Mixin RunOptions run;

    @Override
    public Integer call() {
        if (epochs < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--epochs': expected an integer >= 1 but was " + epochs);
        if (batchSize < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--batch-size': expected an integer >= 1 but was " + batchSize);
        if (!(clipNorm >= 0)) throw new ParameterException(spec.commandLine(), "Invalid value for option '--clip-norm': expected a number >= 0 but was " + clipNorm);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        int threads = run.applyThreads();
        DataOptions.Prepared prepared = data.prepare(run.seed);
        Dataset train = model.shapeInput(prepared.split().train()), val = model.shapeInput(prepared.split().validation());
        Rng rng = new Rng(run.seed);
        Module net = model.build(train, rng.fork());
        Optimizer opt = optimizer.build(net.parameters());

        out.printf("data: %s, %d samples of %d features, %d classes%n", prepared.name(), prepared.full().size(),
                prepared.full().featureCount(), prepared.full().numClasses());
        out.printf("  source: %s%n", prepared.full().provenance());
        out.printf("  split: %d train / %d validation (stratified, seed %d)%s%n", train.size(), val.size(), run.seed,
                data.standardize ? ", standardized with the training mean and std" : ", not standardized");
        for (String note : prepared.notes()) out.println("  " + note);
        out.print("model:\n  " + net.toString().stripTrailing().replace("\n", "\n  ") + "\n");
        out.printf("training: %s, batch %d, %s%s, %s, seed %d%n", optimizer.describe(), batchSize, plural(epochs, "epoch"),
                clipNorm > 0 ? ", gradient norm clipped to " + clipNorm : "", plural(threads, "thread"), run.seed);
        out.println("  kernels: " + Backend.describe());
        out.printf("%5s  %10s  %10s  %8s  %7s%n", "epoch", "train loss", "val loss", "val acc", "time");
        out.flush();

        Trainer trainer = new Trainer(net, opt, Trainer.Options.epochs(epochs).withClipNorm(clipNorm));
        trainer.addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(int epoch, EpochMetrics m) {
                out.printf("%5d  %10.4f  %10.4f  %7.2f%%  %5.2f s%n", epoch + 1, m.trainLoss(), m.valLoss(), 100 * m.valAccuracy(), m.seconds());
                out.flush();
            }
        });
        List<EpochMetrics> history = trainer.fit(new DataLoader(train, batchSize, true, false, rng.nextLong()), val);
        EpochMetrics last = history.get(history.size() - 1);
        out.printf("final validation accuracy: %.2f%% (%d of %d) after %s, %.1f s in total%n",
                100 * last.valAccuracy(), Math.round(last.valAccuracy() * val.size()), val.size(), plural(epochs, "epoch"), (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
