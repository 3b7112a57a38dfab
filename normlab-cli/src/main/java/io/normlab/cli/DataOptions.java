package io.normlab.cli;

import io.normlab.data.BundledData;
import io.normlab.data.CsvReader;
import io.normlab.data.Dataset;
import io.normlab.data.Standardizer;
import io.normlab.data.TrainValSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which data set (bundled or a CSV file), how it is split, and whether inputs are standardized. */
final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "digits", paramLabel = "NAME|FILE",
            description = "Bundled data set (digits, breast-cancer, wine) or a CSV file (.csv or .csv.gz) of numeric features and a label column (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV files: the label column, by name (the file then needs a header line) or by index from 0, negative from the end (default: the last column).")
    String label;

    @Option(names = "--header", negatable = true,
            description = "CSV files: the first line names the columns (default: on when --label is a name, else off).")
    Boolean header;

    @Option(names = "--val-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Fraction of each class held out for validation, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Standardize each feature with the training part's mean and std (default: on).")
    boolean standardize;

    /** The split data, standardized when asked, and notes worth telling the user. */
    record Prepared(String name, Dataset full, TrainValSplit split, List<String> notes) {}

    Prepared prepare(long seed) {
        boolean csv = data.endsWith(".csv") || data.endsWith(".csv.gz");
        if (!csv && !BundledData.NAMES.contains(data)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--data': expected one of "
                    + BundledData.NAMES + " or a .csv/.csv.gz file but was '" + data + "'");
        }
        if (!csv && (label != null || header != null)) {
            throw new ParameterException(spec.commandLine(), "--label and --header apply to CSV files only, not to the bundled '" + data + "'");
        }
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--val-fraction': expected a number in (0, 1) but was " + valFraction);
        }
        Dataset full = csv ? CsvReader.read(Path.of(data), csvOptions()) : BundledData.byName(data);
        TrainValSplit split = TrainValSplit.stratified(full, valFraction, seed);
        List<String> notes = new ArrayList<>();
        Optional<String> scale = Standardizer.scaleWarning(split.train().features());
        if (standardize) {
            double ratio = Standardizer.scaleRatio(split.train().features());
            Standardizer s = Standardizer.fit(split.train());
            split = new TrainValSplit(s.apply(split.train()), s.apply(split.validation()));
            scale.ifPresent(w -> notes.add(String.format("raw feature scales differ by a factor of %.3g: standardized", ratio)));
        } else {
            scale.ifPresent(w -> notes.add("warning: " + w + " (drop --no-standardize)"));
        }
        return new Prepared(data, full, split, notes);
    }

    private CsvReader.Options csvOptions() {
        if (label == null) return CsvReader.Options.labelAt(-1, header != null && header);
        try {
            return CsvReader.Options.labelAt(Integer.parseInt(label), header != null && header);
        } catch (NumberFormatException notAnIndex) {
            if (header != null && !header) {
                throw new ParameterException(spec.commandLine(), "--label " + label + " names a column, which needs a header line (drop --no-header)");
            }
            return CsvReader.Options.labelNamed(label);
        }
    }
}
