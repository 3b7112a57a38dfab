package io.normlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The small real data sets shipped inside the library (classpath resources next to this class,
 * with a README.md giving their provenance), so every example and study works offline.
 *
 * <ul>
 *   <li>{@link #digits()}: UCI Optical Recognition of Handwritten Digits (test part), 1797 samples,
 *       8x8 images with pixels 0..16, 10 classes. Also as images (N, 1, 8, 8) and as sequences
 *       (N, 8, 8) of 8 steps (the image rows, top to bottom) of 8 features.</li>
 *   <li>{@link #breastCancer()}: UCI Breast Cancer Wisconsin (Diagnostic), 569 samples, 30 features
 *       whose scales range from about 1e-3 to 4e3, classes malignant (0) and benign (1).</li>
 *   <li>{@link #wine()}: UCI Wine, 178 samples, 13 chemical features, 3 classes.</li>
 * </ul>
 * All three are CC BY 4.0, from the UCI Machine Learning Repository.
 */
public final class BundledData {
    private BundledData() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("digits", "breast-cancer", "wine");

    private static final String DIGITS_SOURCE = "UCI Optical Recognition of Handwritten Digits (test part), "
            + "E. Alpaydin, C. Kaynak (1998), UCI Machine Learning Repository, CC BY 4.0";
    private static final String CANCER_SOURCE = "UCI Breast Cancer Wisconsin (Diagnostic), "
            + "W. Wolberg, O. Mangasarian, N. Street, W. Street (1993), UCI Machine Learning Repository, CC BY 4.0";
    private static final String WINE_SOURCE = "UCI Wine, S. Aeberhard, M. Forina (1991), UCI Machine Learning Repository, CC BY 4.0";

    /** Digits as flat vectors: features (1797, 64), pixels 0..16 in row-major image order. */
    public static Dataset digits() {
        try (BufferedReader r = open("digits.csv.gz")) {
            Dataset d = CsvReader.read(r, "digits.csv.gz", 1, CsvReader.Options.labelLast(), DIGITS_SOURCE);
            return check(d, "digits.csv.gz", 1797, 64, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled digits.csv.gz", e);
        }
    }

    /** Digits as single-channel images: features (1797, 1, 8, 8) (NCHW). */
    public static Dataset digitsImages() {
        return digits().reshapeSamples(1, 8, 8);
    }

    /** Digits as sequences: features (1797, 8, 8) = (N, steps, features), step t = image row t. */
    public static Dataset digitsSequences() {
        return digits().reshapeSamples(8, 8);
    }

    /** Breast cancer: features (569, 30), labels 0 malignant, 1 benign. Not standardized. */
    public static Dataset breastCancer() {
        return sklearnCsv("breast_cancer.csv", CANCER_SOURCE);
    }

    /** Wine: features (178, 13), classes class_0, class_1, class_2. Not standardized. */
    public static Dataset wine() {
        return sklearnCsv("wine_data.csv", WINE_SOURCE);
    }

    /** The bundled set called {@code name} (one of {@link #NAMES}). */
    public static Dataset byName(String name) {
        return switch (name) {
            case "digits" -> digits();
            case "breast-cancer" -> breastCancer();
            case "wine" -> wine();
            default -> throw new IllegalArgumentException("unknown bundled data set '" + name + "'; available: " + String.join(", ", NAMES));
        };
    }

    /** Files whose first line is "samples,features,className0,className1,...", then rows with the label last. */
    private static Dataset sklearnCsv(String file, String source) {
        try (BufferedReader r = open(file)) {
            String first = r.readLine();
            String[] head = first == null ? new String[0] : first.split(",");
            if (head.length < 3) throw DataFormatException.atLine(file, 1, "expected 'samples,features,class names...', found '" + first + "'");
            int n, f;
            try {
                n = Integer.parseInt(head[0].trim());
                f = Integer.parseInt(head[1].trim());
            } catch (NumberFormatException e) {
                throw DataFormatException.atLine(file, 1, "expected integer sample and feature counts, found '" + first + "'");
            }
            List<String> classes = Arrays.asList(Arrays.copyOfRange(head, 2, head.length));
            Dataset d = CsvReader.read(r, file, 2, CsvReader.Options.labelLast(), source);
            return check(d, file, n, f, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + file, e);
        }
    }

    /** Checks the counts and that every class occurs (so labels were 0..k-1), then names the classes. */
    private static Dataset check(Dataset d, String file, int n, int f, List<String> classNames) {
        List<String> numbered = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) numbered.add(Integer.toString(c));
        if (d.size() != n || d.featureCount() != f || !d.classNames().equals(numbered)) {
            throw DataFormatException.inFile(file, "expected " + n + " samples of " + f + " features with labels " + numbered
                    + ", found " + d.size() + " of " + d.featureCount() + " with labels " + d.classNames());
        }
        return new Dataset(d.features(), d.labels(), classNames, d.provenance());
    }

    private static BufferedReader open(String file) throws IOException {
        InputStream in = BundledData.class.getResourceAsStream(file);
        if (in == null) throw new IOException("bundled resource io/normlab/data/" + file + " is missing from the classpath");
        if (file.endsWith(".gz")) in = new GZIPInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
