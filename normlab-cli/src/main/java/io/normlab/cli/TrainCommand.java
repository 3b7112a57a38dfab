package io.normlab.cli;

import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.MonitorRecord;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;
import io.normlab.optim.Optimizer;
import io.normlab.tensor.Backend;
import io.normlab.tensor.Rng;
import io.normlab.train.EpochMetrics;
import io.normlab.train.Trainer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code normlab train}: trains a classifier (MLP, CNN or recurrent net) on a bundled data set or a CSV file and reports
 * per-epoch loss, validation accuracy and gradient health ({@link TrainReporter}); optionally
 * records the monitor's statistics, saves checkpoints and resumes from one.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a classifier (MLP, CNN or recurrent net) on a bundled data set or a CSV file; "
                + "print per-epoch loss, validation accuracy and gradient health."},
        footer = {"", "Examples:", "  normlab train --data digits --hidden 128,64 --activation relu --epochs 15",
            "  normlab train --data digits --arch cnn --norm batch --lr 2e-3 --epochs 12",
            "  normlab train --data digits --depth 10 --activation sigmoid --record run.json --record-every 5",
            "  normlab train --data digits --epochs 30 --checkpoint run.safetensors   (later: --resume run.safetensors)"})
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

    @Mixin TrainOutputOptions output;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
        if (epochs < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--epochs': expected an integer >= 1 but was " + epochs);
        if (batchSize < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--batch-size': expected an integer >= 1 but was " + batchSize);
        if (!(clipNorm >= 0)) throw new ParameterException(spec.commandLine(), "Invalid value for option '--clip-norm': expected a number >= 0 but was " + clipNorm);
        output.validate();
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
        if (model.initNote() != null) out.println("  hidden layers: " + model.initNote());
        out.printf("training: %s, batch %d, %s%s, %s, seed %d%n", optimizer.describe(), batchSize, plural(epochs, "epoch"),
                clipNorm > 0 ? ", gradient norm clipped to " + clipNorm : "", plural(threads, "thread"), run.seed);
        out.println("  kernels: " + Backend.describe());

        Trainer trainer = new Trainer(net, opt, Trainer.Options.epochs(epochs).withClipNorm(clipNorm));
        if (output.resume != null) {
            trainer.loadCheckpoint(output.resume);
            out.printf("resumed from %s: %s (%s) done%s%n", output.resume, plural(trainer.epochsDone(), "epoch"), plural(trainer.step(), "step"),
                    trainer.epochsDone() >= epochs ? "; nothing left to train for --epochs " + epochs : "");
        }
        DataLoader loader = new DataLoader(train, batchSize, true, false, rng.nextLong());
        int every = output.recordEvery(loader.numBatches());
        Monitor monitor = output.monitor ? Monitor.attach(net, Monitor.Options.defaults().withEvery(every)) : null;
        trainer.setMonitor(monitor);
        if (monitor != null && net instanceof SequenceClassifier seq) {
            net.addForwardHook((m, in, y) -> monitor.trackThroughTime("h", seq.lastRun().steps()));
        }
        if (monitor != null) {
            out.printf("  monitor: NaN/infinity checked at every step; statistics every %s%s%n", plural(every, "step"),
                    output.record == null ? "" : ", recorded to " + output.record);
        }
        ProgressBar bar = new ProgressBar(out, output.progressEnabled());
        TrainReporter reporter = new TrainReporter(out, bar, monitor, output.record != null, epochs, loader.numBatches());
        reporter.start(trainer.epochsDone(), trainer.step());
        trainer.addListener(reporter);
        if (output.checkpoint != null) trainer.addListener(trainer.checkpointEveryEpoch(output.checkpoint));
        out.printf("%5s  %10s  %10s  %8s  %7s%n", "epoch", "train loss", "val loss", "val acc", "time");
        out.flush();

        String stopped = null;
        try {
            trainer.fit(loader, val);
        } catch (RuntimeException e) {
            stopped = e.getMessage();
            throw e;
        } finally {
            bar.clear();
            if (monitor != null) monitor.close();
            if (output.record != null) { // --record requires the monitor
                Map<String, String> config = recordConfig(prepared, train, threads, every);
                if (stopped != null) config.put("stopped by", stopped);
                MonitorRecord.write(output.record, config, monitor.history());
            }
        }
        double acc = trainer.evaluate(val).accuracy();
        out.printf("final validation accuracy: %.2f%% (%d of %d) after %s, %.1f s in total%n",
                100 * acc, Math.round(acc * val.size()), val.size(), plural(trainer.epochsDone(), "epoch"), (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    private Map<String, String> recordConfig(DataOptions.Prepared prepared, Dataset train, int threads, int every) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("command", "normlab train");
        c.put("data", prepared.name() + (data.standardize ? " (standardized)" : ""));
        c.put("model", model.describe(train));
        c.put("optimizer", optimizer.describe());
        c.put("batch size", Integer.toString(batchSize));
        c.put("epochs", Integer.toString(epochs));
        c.put("clip norm", Double.toString(clipNorm));
        c.put("seed", Long.toString(run.seed));
        c.put("threads", Integer.toString(threads));
        c.put("record every", Integer.toString(every));
        if (output.resume != null) c.put("resumed from", output.resume.toString());
        return c;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
