package io.normlab.optim;

/**
 * A learning rate as a function of the step (or epoch) count, from 0. Apply with
 * {@code optimizer.setLearningRate(schedule.at(step))} before each step.
 */
@FunctionalInterface
public interface LrSchedule {
    double at(int step);

    /** A fixed rate. */
    static LrSchedule constant(double lr) {
        return step -> lr;
    }

    /** StepLR: {@code base * gamma^floor(step / every)}. */
    static LrSchedule stepDecay(double base, int every, double gamma) {
        if (every <= 0) throw new IllegalArgumentException("step decay period must be > 0, got " + every);
        return step -> base * Math.pow(gamma, Math.floorDiv(step, every));
    }

    /** CosineAnnealingLR: {@code min + (base - min)(1 + cos(pi t / T)) / 2} for t in [0, T], then min. */
    static LrSchedule cosine(double base, int total, double min) {
        if (total <= 0) throw new IllegalArgumentException("cosine schedule length must be > 0, got " + total);
        return step -> step >= total ? min : min + (base - min) * (1 + Math.cos(Math.PI * step / total)) / 2;
    }

    /** Linear warm-up from {@code base/warmup} to the wrapped schedule over {@code warmup} steps. */
    default LrSchedule withWarmup(int warmup) {
        if (warmup < 0) throw new IllegalArgumentException("warm-up must be >= 0, got " + warmup);
        return step -> step < warmup ? at(step) * (step + 1) / warmup : at(step);
    }
}
