package io.normlab.study;

import io.normlab.tensor.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every arm with every seed and collects the results in (arm, seed) order. Runs are
 * independent and each is deterministic given its seed (its own model, optimizer and random
 * streams; graph recording is per thread), so training {@code workers} of them at once changes
 * only the wall time, never a result. With several workers the tensor kernels run single-threaded
 * meanwhile ({@link Parallel#setThreads}; the networks are small, so one run per core beats
 * splitting each kernel). A study that measures wall-clock time runs with one worker, and its
 * kernels keep the configured threads.
 */
public final class Experiment {
    private Experiment() {}

    /** Trains arms x seeds; reports one progress unit per finished run. */
    public static Results run(List<Arm> arms, List<Long> seeds, int workers, Progress progress) {
        List<Arm> tasksArm = new ArrayList<>();
        List<Long> tasksSeed = new ArrayList<>();
        for (Arm a : arms) for (long s : seeds) {
            tasksArm.add(a);
            tasksSeed.add(s);
        }
        RunResult[] out = new RunResult[tasksArm.size()];
        int kernelThreads = Parallel.threads();
        if (workers <= 1) {
            for (int i = 0; i < out.length; i++) out[i] = runOne(tasksArm.get(i), tasksSeed.get(i), progress);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "normlab-study");
                t.setDaemon(true);
                return t;
            });
            try {
                Parallel.setThreads(1);
                List<Future<RunResult>> futures = new ArrayList<>();
                for (int i = 0; i < out.length; i++) {
                    Arm a = tasksArm.get(i);
                    long s = tasksSeed.get(i);
                    futures.add(pool.submit(() -> runOne(a, s, progress)));
                }
                for (int i = 0; i < out.length; i++) out[i] = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("study interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
                Parallel.setThreads(kernelThreads);
            }
        }
        Map<String, List<RunResult>> byArm = new LinkedHashMap<>();
        for (RunResult r : out) byArm.computeIfAbsent(r.arm(), k -> new ArrayList<>()).add(r);
        return new Results(byArm, seeds);
    }

    private static RunResult runOne(Arm arm, long seed, Progress progress) {
        RunResult r;
        try {
            r = TrainRun.run(arm, seed);
        } catch (RuntimeException e) {
            throw new IllegalStateException("arm '" + arm.name() + "' seed " + seed + ": " + e.getMessage(), e);
        }
        progress.advance(arm.name() + " seed " + seed);
        return r;
    }
}
