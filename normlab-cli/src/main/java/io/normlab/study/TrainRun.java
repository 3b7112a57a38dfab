package io.normlab.study;

import io.normlab.data.DataLoader;
import io.normlab.nn.Module;
import io.normlab.optim.Optimizer;
import io.normlab.tensor.Rng;
import io.normlab.train.Evaluation;
import io.normlab.diagnostics.NonFiniteException;
import io.normlab.train.Trainer;
import io.normlab.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Trains one arm with one seed through the {@link Trainer} and measures it: training loss per
 * step, validation accuracy every {@code evalEvery} steps, gradient profiles at the probed steps
 * ({@link GradientProbe}), median step time, divergence.
 *
 * <p>Random streams: {@code new Rng(seed)} gives first the batch-order seed, then (forked) the
 * model's stream, so arms of the same shape share initial weights and batch order. A listener
 * does the per-step work after each optimizer update (the trainer has applied the after-step
 * constraints by then): it collects a probe, evaluates, and opens the probe of the next step after
 * evaluating (so validation passes are not recorded). The run ends after {@code steps} steps or when validation accuracy reaches
 * {@code stopAt}; a NaN or infinite loss ends it as diverged.
 */
final class TrainRun {
    /** Thrown by the listener to end {@link Trainer#fit} early; caught here. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private TrainRun() {}

    static RunResult run(Arm arm, long seed) {
        TrainSpec spec = arm.train();
        Rng root = new Rng(seed);
        long batchSeed = root.nextLong();
        Module model = arm.model().apply(root.fork());
        Optimizer optimizer = spec.optimizer().build(model.parameters());
        DataLoader loader = new DataLoader(arm.task().train(), spec.batchSize(), true, true, batchSeed);
        int epochs = (spec.steps() + loader.numBatches() - 1) / loader.numBatches();
        Trainer trainer = new Trainer(model, optimizer, Trainer.Options.epochs(epochs).withClipNorm(spec.clipNorm()));

        Recorder rec = new Recorder(arm, model, spec, trainer);
        rec.evaluate(0);
        if (spec.probes(0)) rec.probe.attach();
        trainer.addListener(rec);
        int divergedAt = -1;
        try {
            trainer.fit(loader, null);
        } catch (Stop stop) {
            // reached the step budget or the target accuracy
        } catch (NonFiniteException e) {
            divergedAt = trainer.step();
            rec.probe.detach();
            rec.evaluate(divergedAt);
        }
        rec.probe.release();
        Map<String, double[]> extras = arm.inspector() == null ? Map.of() : arm.inspector().inspect(model);
        return new RunResult(arm.name(), seed, rec.evalSteps.stream().mapToInt(Integer::intValue).toArray(),
                rec.acc.stream().mapToDouble(Double::doubleValue).toArray(), rec.loss.stream().mapToDouble(Double::doubleValue).toArray(),
                Arrays.copyOf(rec.trainLoss, rec.steps), rec.profiles, divergedAt, rec.medianStepSeconds(), extras);
    }

    private static final class Recorder implements TrainingListener {
        final Arm arm;
        final Module model;
        final TrainSpec spec;
        final GradientProbe probe;
        final List<Integer> evalSteps = new ArrayList<>();
        final List<Double> acc = new ArrayList<>(), loss = new ArrayList<>();
        final List<Profile> profiles = new ArrayList<>();
        final double[] trainLoss;
        final double[] stepSeconds;
        int steps;
        long mark = System.nanoTime();

        Recorder(Arm arm, Module model, TrainSpec spec, Trainer trainer) {
            this.arm = arm;
            this.model = model;
            this.spec = spec;
            this.probe = new GradientProbe(model, trainer);
            this.trainLoss = new double[spec.steps()];
            this.stepSeconds = new double[spec.steps()];
        }

        @Override
        public void onStep(int step, double value) {
            stepSeconds[step] = (System.nanoTime() - mark) / 1e9;
            trainLoss[step] = value;
            steps = step + 1;
            if (probe.attached()) profiles.add(probe.collect(step));
            boolean last = steps == spec.steps();
            if (steps % spec.evalEvery() == 0 || last) {
                double a = evaluate(steps);
                if (a >= spec.stopAt()) throw new Stop();
            }
            if (last) throw new Stop();
            if (spec.probes(steps)) probe.attach();
            mark = System.nanoTime();
        }

        double evaluate(int atStep) {
            Evaluation e = Trainer.evaluate(model, arm.task().validation());
            evalSteps.add(atStep);
            acc.add(e.accuracy());
            loss.add(e.loss());
            return e.accuracy();
        }

        double medianStepSeconds() {
            if (steps == 0) return Double.NaN;
            double[] s = Arrays.copyOf(stepSeconds, steps);
            Arrays.sort(s);
            return steps % 2 == 1 ? s[steps / 2] : (s[steps / 2 - 1] + s[steps / 2]) / 2;
        }
    }
}
