package io.normlab.study;

import io.normlab.data.BundledData;
import io.normlab.data.Dataset;
import io.normlab.data.Standardizer;
import io.normlab.data.TrainValSplit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A classification task: training and validation sets, split once with a fixed seed (the run's
 * seed varies initialization and batch order, not the split), standardized with the training
 * part's statistics unless the task is "raw". Tasks are cached: every study and arm sees the
 * same tensors.
 *
 * @param name       e.g. "digits", "breast-cancer raw"
 * @param train      training set
 * @param validation validation set
 */
public record Task(String name, Dataset train, Dataset validation) {
    /** Seed of every split (stratified, 20% validation). */
    public static final long SPLIT_SEED = 42;
    private static final Map<String, Task> CACHE = new ConcurrentHashMap<>();

    /** Digits as 64 standardized features. */
    public static Task digits() {
        return cached("digits", () -> split("digits", BundledData.digits(), true));
    }

    /** Digits as standardized 1x8x8 images (per-pixel standardization, as the flat task). */
    public static Task digitsImages() {
        return cached("digits images", () -> {
            Task flat = digits();
            return new Task("digits images", flat.train.reshapeSamples(1, 8, 8), flat.validation.reshapeSamples(1, 8, 8));
        });
    }

    /** Digits read one pixel per step: sequences (N, 64, 1) of standardized pixels. */
    public static Task digitsPixels() {
        return cached("digits pixels", () -> {
            Task flat = digits();
            return new Task("digits pixel by pixel", flat.train.reshapeSamples(64, 1), flat.validation.reshapeSamples(64, 1));
        });
    }

    /** Breast cancer, standardized or with its raw feature scales (1e-3 to 4e3). */
    public static Task breastCancer(boolean standardize) {
        String name = "breast-cancer " + (standardize ? "standardized" : "raw");
        return cached(name, () -> split(name, BundledData.breastCancer(), standardize));
    }

    public int features() {
        return train.featureCount();
    }

    public int classes() {
        return train.numClasses();
    }

    private static Task cached(String key, Supplier<Task> make) {
        Task t = CACHE.get(key);
        if (t == null) {
            t = make.get();
            Task prior = CACHE.putIfAbsent(key, t);
            if (prior != null) t = prior;
        }
        return t;
    }

    private static Task split(String name, Dataset all, boolean standardize) {
        TrainValSplit s = TrainValSplit.stratified(all, 0.2, SPLIT_SEED);
        if (!standardize) return new Task(name, s.train(), s.validation());
        Standardizer st = Standardizer.fit(s.train());
        return new Task(name, st.apply(s.train()), st.apply(s.validation()));
    }
}
