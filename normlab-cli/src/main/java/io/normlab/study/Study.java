package io.normlab.study;

import java.util.List;

/**
 * A reproducible check of one claim: a controlled experiment over several seeds (the same seeds
 * for every arm) whose measurements decide a {@link Verdict} through explicit {@link Check}s.
 * Implementations are small and declarative: they name their arms and rules and leave training
 * to {@link Experiment} and bookkeeping to {@link Outcome}.
 */
public interface Study {
    /** Short, command-line id: "vanishing", "small-batch". */
    String id();

    String title();

    /** The claim, quoted. */
    Claim claim();

    /** What the literature measured, shown beside NormLab's numbers. */
    List<Literature> literature();

    /** Runs the experiment under {@code config}, reporting one progress unit per training run. */
    StudyResult run(StudyConfig config, Progress progress);
}
