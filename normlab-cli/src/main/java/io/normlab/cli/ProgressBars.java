package io.normlab.cli;

import io.normlab.study.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Study progress on the terminal: one progress bar per study (me.tongfei:progressbar) when
 * standard error is a terminal, one line per finished study otherwise (logs, pipes, tests).
 */
final class ProgressBars implements Progress, AutoCloseable {
    private final boolean terminal;
    private final PrintWriter err;
    private final String prefix;
    private ProgressBar bar;

    /** @param prefix shown before the study's id, e.g. "[2/9] " */
    ProgressBars(boolean terminal, PrintWriter err, String prefix) {
        this.terminal = terminal;
        this.err = err;
        this.prefix = prefix;
    }

    @Override
    public synchronized void start(String task, int total) {
        if (!terminal) return;
        bar = new ProgressBarBuilder().setTaskName(prefix + task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" runs", 1).setUpdateIntervalMillis(250).showSpeed(new java.text.DecimalFormat("0.0"))
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100)).build();
    }

    @Override
    public synchronized void advance(String detail) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(" " + detail);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
        bar = null;
        err.flush();
    }
}
