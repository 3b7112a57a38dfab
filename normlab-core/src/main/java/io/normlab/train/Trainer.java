package io.normlab.train;

import io.normlab.autograd.GradMode;
import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.data.Batch;
import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.NonFiniteException;
import io.normlab.nn.Module;
import io.normlab.nn.norm.AfterStep;
import io.normlab.optim.GradClip;
import io.normlab.optim.LrSchedule;
import io.normlab.optim.Optimizer;
import io.normlab.tensor.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop for classification: softmax cross-entropy ({@link Losses#crossEntropy}) on the
 * logits of {@code model}, mini-batches from a {@link DataLoader}, updates by an {@link Optimizer}.
 *
 * <p>One step: {@code zeroGrad}; forward in train mode; loss (a NaN or infinite loss throws
 * {@link NonFiniteException} naming the step, before any update); backward; optional clipping of
 * the global gradient norm (a non-finite norm throws likewise); learning rate set to
 * {@code schedule.at(step)} when a schedule is given; {@code optimizer.step()};
 * {@link AfterStep#applyAll} on the model (constraints such as Batch-Instance Normalization's gate
 * clipping); listeners' {@code onStep}. After each epoch the model is evaluated on the validation
 * set (eval mode, no graph) and the listeners get {@code onEpochEnd}.
 *
 * <p>With a {@link Monitor} ({@link #setMonitor}) the step also reads the weight-gradient norms
 * right after backward (before clipping, so an explosion stays visible), measures the
 * update-to-weight ratio across the optimizer step and the after-step constraints, and closes the
 * monitor's step before the listeners run; a NaN or infinity inside the model is then reported by
 * the monitor, naming the layer, before the loss check sees it.
 *
 * <p>The trainer counts steps and epochs; {@link #fit} runs the epochs not yet done, so a trainer
 * restored from a checkpoint ({@link #loadCheckpoint}) continues where the saved run stopped.
 */
public final class Trainer {
    /** Evaluation batch size: bounds memory, does not change results beyond float summation order. */
    private static final int EVAL_BATCH = 256;

    /**
     * @param epochs    epochs to train, at least 1
     * @param clipNorm  maximum global gradient L2 norm; 0 disables clipping
     * @param schedule  learning rate per step (from 0); null keeps the optimizer's rate
     */
    public record Options(int epochs, double clipNorm, LrSchedule schedule) {
        public Options {
            if (epochs < 1) throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + epochs);
            if (!(clipNorm >= 0)) throw new IllegalArgumentException("Trainer: clip norm must be >= 0 (0 = off), got " + clipNorm);
        }

        /** {@code n} epochs, no clipping, constant learning rate. */
        public static Options epochs(int n) {
            return new Options(n, 0, null);
        }

        public Options withClipNorm(double maxNorm) {
            return new Options(epochs, maxNorm, schedule);
        }

        public Options withSchedule(LrSchedule s) {
            return new Options(epochs, clipNorm, s);
        }
    }

    private final Module model;
    private final Optimizer optimizer;
    private final Options options;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Monitor monitor;
    private int step;
    private int epoch;

    public Trainer(Module model, Optimizer optimizer, Options options) {
        this.model = model;
        this.optimizer = optimizer;
        this.options = options;
    }

    /** Adds a listener; returns this. */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Lets {@code m}, attached to this trainer's model, observe every training step (see the class
     * comment): the trainer numbers the monitor's steps like its own ({@link Monitor#startAt}, so a
     * resumed run continues the numbering), pauses it during validation, and when a step fails
     * closes it with {@link Monitor#abandonStep()} so the rows collected so far stay in its history.
     * Null removes it. Returns this.
     */
    public Trainer setMonitor(Monitor m) {
        this.monitor = m;
        return this;
    }

    /** The monitor set with {@link #setMonitor}, or null. */
    public Monitor monitor() {
        return monitor;
    }

    /** Optimizer steps taken so far. */
    public int step() {
        return step;
    }

    /** Epochs completed so far. */
    public int epochsDone() {
        return epoch;
    }

    /** Saves model, optimizer state and this trainer's counters to {@code file}, atomically ({@link Checkpoint}). */
    public void saveCheckpoint(Path file) {
        Checkpoint.save(file, model, optimizer, new Checkpoint.Position(step, epoch, optimizer.learningRate()));
    }

    /**
     * Restores model, optimizer and counters from {@code file}; the next {@link #fit} continues
     * bit-identically to the run that saved it (given the same data loader and options).
     */
    public void loadCheckpoint(Path file) {
        Checkpoint.Position p = Checkpoint.load(file, model, optimizer);
        step = p.step();
        epoch = p.epochsDone();
    }

    /** A listener saving a checkpoint to {@code file} after every epoch; add it with {@link #addListener}. */
    public TrainingListener checkpointEveryEpoch(Path file) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(int finished, EpochMetrics metrics) {
                saveCheckpoint(file);
            }
        };
    }

    /**
     * Trains for the remaining epochs (up to {@code options.epochs()}) and returns their metrics.
     *
     * @param validation evaluated after every epoch; may be null
     */
    public List<EpochMetrics> fit(DataLoader train, Dataset validation) {
        List<EpochMetrics> history = new ArrayList<>();
        while (epoch < options.epochs()) {
            long start = System.nanoTime();
            model.train();
            double lossSum = 0;
            int correct = 0, seen = 0;
            for (Batch b : train.epoch(epoch)) {
                StepResult r = trainStep(b);
                lossSum += r.loss * b.size();
                correct += r.correct;
                seen += b.size();
            }
            Evaluation val = validation == null ? null : evaluate(validation);
            EpochMetrics m = new EpochMetrics(epoch, step, lossSum / seen, (double) correct / seen,
                    val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                    optimizer.learningRate(), (System.nanoTime() - start) / 1e9);
            history.add(m);
            epoch++;
            for (TrainingListener l : listeners) l.onEpochEnd(m.epoch(), m);
        }
        return history;
    }

    private record StepResult(double loss, int correct) {}

    private StepResult trainStep(Batch b) {
        Monitor m = monitor; // a listener may replace or remove the monitor during the step
        if (m == null) return runStep(b);
        if (m.step() != step) m.startAt(step);
        try {
            return runStep(b);
        } catch (RuntimeException e) {
            if (m.step() == step) m.abandonStep(); // the step did not reach endStep
            throw e;
        }
    }

    private StepResult runStep(Batch b) {
        optimizer.zeroGrad();
        Var logits = model.forward(Var.of(b.x()));
        Var loss = Losses.crossEntropy(logits, b.y());
        double value = loss.value().item();
        if (!Double.isFinite(value)) throw diverged("loss", value, NonFiniteException.Phase.FORWARD);
        loss.backward();
        if (monitor != null) monitor.beforeUpdate();
        if (options.clipNorm() > 0) {
            double norm = GradClip.clipNorm(optimizer.params(), options.clipNorm());
            if (!Double.isFinite(norm)) throw diverged("gradient norm", norm, NonFiniteException.Phase.BACKWARD);
        }
        if (options.schedule() != null) optimizer.setLearningRate(options.schedule().at(step));
        optimizer.step();
        AfterStep.applyAll(model);
        if (monitor != null) {
            monitor.afterUpdate();
            monitor.endStep();
        }
        int correct = countCorrect(logits, b.y());
        for (TrainingListener l : listeners) l.onStep(step, value);
        step++;
        return new StepResult(value, correct);
    }

    private NonFiniteException diverged(String quantity, double value, NonFiniteException.Phase phase) {
        return NonFiniteException.ofQuantity(quantity, value, step, phase, "training diverged in epoch " + epoch
                + " (counted from 0); lower the learning rate, clip the gradients or normalize the inputs and layers");
    }

    /**
     * Mean loss and accuracy of the model on {@code data}, in eval mode and without recording a
     * graph; the model's previous mode is restored afterwards.
     */
    public Evaluation evaluate(Dataset data) {
        if (monitor == null) return evaluate(model, data);
        monitor.pause();
        try {
            return evaluate(model, data);
        } finally {
            monitor.resume();
        }
    }

    /** {@link #evaluate(Dataset)} for any classifier. */
    public static Evaluation evaluate(Module model, Dataset data) {
        boolean wasTraining = model.isTraining();
        model.eval();
        double lossSum = 0;
        int correct = 0;
        try (GradMode scope = GradMode.noGrad()) {
            for (Batch b : DataLoader.sequential(data, EVAL_BATCH).epoch(0)) {
                Var logits = model.forward(Var.of(b.x()));
                lossSum += Losses.crossEntropy(logits, b.y()).value().item() * (double) b.size();
                correct += countCorrect(logits, b.y());
            }
        } finally {
            if (wasTraining) model.train();
        }
        return new Evaluation(lossSum / data.size(), correct, data.size());
    }

    private static int countCorrect(Var logits, int[] labels) {
        int[] pred = Layout.argmax(logits.value(), 1);
        int c = 0;
        for (int i = 0; i < labels.length; i++) if (pred[i] == labels[i]) c++;
        return c;
    }
}
