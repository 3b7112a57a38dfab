package io.normlab.cli;

import io.normlab.diagnostics.Diagnoser;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.StepRecord;
import io.normlab.train.EpochMetrics;
import io.normlab.train.TrainingListener;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints {@code normlab train}'s progress: the progress bar during an epoch, then the epoch's
 * metrics line and, with a monitor, its gradient-health line (the diagnosis of the epoch's last
 * recorded step, {@link io.normlab.diagnostics.Diagnosis#summary()}). Without a record file to
 * write, the monitor's history is dropped after each epoch so memory stays flat.
 */
final class TrainReporter implements TrainingListener {
    private final PrintWriter out;
    private final ProgressBar bar;
    private final Monitor monitor;
    private final boolean keepHistory;
    private final int epochs;
    private final int stepsPerEpoch;
    private int epochStart;

    TrainReporter(PrintWriter out, ProgressBar bar, Monitor monitor, boolean keepHistory, int epochs, int stepsPerEpoch) {
        this.out = out;
        this.bar = bar;
        this.monitor = monitor;
        this.keepHistory = keepHistory;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** Call before training starts at {@code epoch} (from 0), {@code step} steps done. */
    void start(int epoch, int step) {
        epochStart = step;
        bar.startEpoch(epoch, epochs, stepsPerEpoch);
    }

    @Override
    public void onStep(int step, double loss) {
        bar.step(loss);
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics m) {
        bar.clear();
        out.printf("%5d  %10.4f  %10.4f  %7.2f%%  %5.2f s%n", epoch + 1, m.trainLoss(), m.valLoss(), 100 * m.valAccuracy(), m.seconds());
        if (monitor != null) out.println("       " + health());
        out.flush();
        if (monitor != null && !keepHistory) monitor.clearHistory();
        start(epoch + 1, m.steps());
    }

    private String health() {
        List<StepRecord> h = monitor.history();
        StepRecord last = h.isEmpty() ? null : h.get(h.size() - 1);
        if (last == null || last.step() < epochStart) return "grad health: no step recorded in this epoch (see --record-every)";
        return "grad health (step " + last.step() + "): " + Diagnoser.diagnose(last).summary();
    }
}
