package io.normlab.study;

import java.util.List;

/**
 * How to run the studies: quick (all nine within a few minutes on two cores) or full (more seeds
 * and steps, within an hour), the seeds (the same for every arm of a study), and how many runs
 * to train at once.
 *
 * @param mode    QUICK or FULL
 * @param seeds   seeds in order, used by every study
 * @param workers independent training runs executed concurrently (each run is deterministic
 *                on its own, so results do not depend on this)
 */
public record StudyConfig(Mode mode, List<Long> seeds, int workers) {
    public enum Mode {
        QUICK("quick"), FULL("full");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public StudyConfig {
        if (mode == null) throw new IllegalArgumentException("StudyConfig: mode is required");
        if (seeds == null || seeds.isEmpty()) throw new IllegalArgumentException("StudyConfig: at least one seed is required");
        if (seeds.stream().distinct().count() != seeds.size()) throw new IllegalArgumentException("StudyConfig: seeds must be distinct, got " + seeds);
        if (workers < 1) throw new IllegalArgumentException("StudyConfig: workers must be >= 1, got " + workers);
        seeds = List.copyOf(seeds);
    }

    /** Seeds 1..3 (quick) or 1..5 (full). */
    public static StudyConfig defaults(Mode mode, int workers) {
        return new StudyConfig(mode, mode == Mode.QUICK ? List.of(1L, 2L, 3L) : List.of(1L, 2L, 3L, 4L, 5L), workers);
    }

    public boolean quick() {
        return mode == Mode.QUICK;
    }

    /** {@code quick} in quick mode, {@code full} otherwise. */
    public int pick(int quick, int full) {
        return quick() ? quick : full;
    }
}
