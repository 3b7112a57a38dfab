package io.normlab.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for the steps of an epoch, redrawn in place with a carriage return:
 * {@code epoch 3/15 [#########-----------]  20/45 steps  loss 0.2345}. Redraws at most every
 * {@value #REDRAW_MS} ms (and on the last step), so a fast epoch does not flood the terminal.
 * A disabled bar prints nothing; {@link #clear()} erases the line before other output.
 */
final class ProgressBar {
    static final int REDRAW_MS = 100;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean enabled;
    private int epoch, epochs, total, done;
    private long lastDraw;
    private int shown; // characters on the line now

    ProgressBar(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Starts epoch {@code epoch} (from 0) of {@code epochs}, with {@code steps} steps. */
    void startEpoch(int epoch, int epochs, int steps) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.total = steps;
        this.done = 0;
        this.lastDraw = 0;
    }

    /** One more step done, with its training loss. */
    void step(double loss) {
        done++;
        if (!enabled) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_MS * 1_000_000L) return;
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = String.format(java.util.Locale.ROOT, "epoch %d/%d [%s%s] %d/%d steps  loss %.4f", epoch + 1, epochs,
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, loss);
        out.print('\r' + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** Erases the bar's line (the cursor stays at its start). */
    void clear() {
        if (!enabled || shown == 0) return;
        out.print('\r' + " ".repeat(shown) + '\r');
        out.flush();
        shown = 0;
    }
}
