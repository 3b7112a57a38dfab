package io.normlab.study;

/**
 * Where a running study reports how far it is: {@link #start} once with the number of units
 * (training runs), {@link #advance} after each (from any thread; implementations synchronize).
 */
public interface Progress {
    /** A study begins {@code total} units of work named {@code task}. */
    void start(String task, int total);

    /** One unit finished; {@code detail} names it (e.g. "bn seed 2"). */
    void advance(String detail);

    /** Discards progress reports. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, int total) {}

        @Override
        public void advance(String detail) {}
    };
}
