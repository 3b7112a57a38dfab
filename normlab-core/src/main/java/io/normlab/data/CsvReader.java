package io.normlab.data;

import io.normlab.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a classification data set from CSV: one sample per line, one column holding the label, all
 * other columns numeric features, giving features of shape (N, columns - 1).
 *
 * <p>Format: fields separated by the delimiter (default comma), optionally enclosed in double
 * quotes ({@code ""} inside quotes is a quote); an optional header line naming the columns; blank
 * lines ignored; a leading UTF-8 byte-order mark ignored; files ending in {@code .gz} are
 * decompressed. Features must be finite numbers.
 *
 * <p>Labels: the distinct label values are sorted (numerically when all are integers, else as
 * text) and numbered from 0; the class names are the values themselves. So labels 0..9 stay 0..9,
 * labels 1, 2, 3 become 0, 1, 2 named "1", "2", "3", and "setosa", "versicolor" become 0, 1.
 *
 * <p>Errors throw {@link DataFormatException} naming the file, the line and what was expected;
 * the whole file is checked before a data set is returned, so nothing is ever half-loaded.
 */
public final class CsvReader {
    private CsvReader() {}

    /**
     * Where the label is and how the file looks.
     *
     * @param header     the first line names the columns
     * @param labelName  name of the label column (requires a header), or null to use {@code labelIndex}
     * @param labelIndex label column index from 0; negative counts from the end (-1 = last column)
     * @param delimiter  field separator
     */
    public record Options(boolean header, String labelName, int labelIndex, char delimiter) {
        public Options {
            if (labelName != null && !header) throw new IllegalArgumentException("CSV options: a label column by name needs a header line");
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("CSV options: invalid delimiter '" + delimiter + "'");
            }
        }

        /** No header, label in the last column. */
        public static Options labelLast() {
            return new Options(false, null, -1, ',');
        }

        /** A header line, label in the column named {@code name}. */
        public static Options labelNamed(String name) {
            return new Options(true, name, -1, ',');
        }

        /** Label in column {@code index} (negative counts from the end), with or without a header. */
        public static Options labelAt(int index, boolean header) {
            return new Options(header, null, index, ',');
        }

        public Options withDelimiter(char d) {
            return new Options(header, labelName, labelIndex, d);
        }
    }

    /** Reads {@code file} (gzip-compressed when its name ends in {@code .gz}). */
    public static Dataset read(Path file, Options options) {
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(r, source, 1, options, "CSV file " + file.toAbsolutePath().normalize());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("CSV file not found: " + source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text from {@code in}; {@code source} names it in errors, {@code firstLine} is the
     * line number of the first line read (for readers positioned after a preamble), and
     * {@code provenance} becomes the data set's provenance.
     */
    public static Dataset read(BufferedReader in, String source, int firstLine, Options options, String provenance) throws IOException {
        List<String> header = null;
        int columns = -1, labelCol = -1;
        List<String> rawLabels = new ArrayList<>();
        float[] values = new float[1024];
        int used = 0;
        int lineNo = firstLine - 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == firstLine && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            List<String> fields = split(line, options.delimiter(), source, lineNo);
            if (columns < 0) {
                columns = fields.size();
                if (columns < 2) throw DataFormatException.atLine(source, lineNo, "expected at least 2 columns (features and a label), found " + columns);
                labelCol = labelColumn(fields, options, source, lineNo);
                if (options.header()) {
                    header = fields;
                    continue;
                }
            }
            if (fields.size() != columns) {
                throw DataFormatException.atLine(source, lineNo, "expected " + columns + " fields (" + (columns - 1)
                        + " features and a label" + (header != null ? ", as in the header" : ", as on the first line") + "), found " + fields.size());
            }
            if (used + columns > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, used + columns));
            for (int c = 0; c < columns; c++) {
                if (c == labelCol) continue;
                values[used++] = number(fields.get(c), c, header, source, lineNo);
            }
            String label = fields.get(labelCol).trim();
            if (label.isEmpty()) throw DataFormatException.atLine(source, lineNo, "expected a label in column " + columnName(labelCol, header) + ", found an empty field");
            rawLabels.add(label);
        }
        if (rawLabels.isEmpty()) throw DataFormatException.inFile(source, "expected at least one data row, found none");
        return build(Arrays.copyOf(values, used), rawLabels, columns - 1, provenance);
    }

    private static int labelColumn(List<String> first, Options o, String source, int lineNo) {
        int n = first.size();
        if (o.labelName() != null) {
            for (int c = 0; c < n; c++) if (first.get(c).trim().equals(o.labelName())) return c;
            throw DataFormatException.atLine(source, lineNo, "expected a label column named '" + o.labelName() + "' in the header, found columns " + first);
        }
        int c = o.labelIndex() < 0 ? n + o.labelIndex() : o.labelIndex();
        if (c < 0 || c >= n) throw DataFormatException.atLine(source, lineNo, "label column index " + o.labelIndex() + " is outside the " + n + " columns");
        return c;
    }

    private static float number(String field, int col, List<String> header, String source, int lineNo) {
        String f = field.trim();
        float v;
        try {
            v = Float.parseFloat(f);
        } catch (NumberFormatException e) {
            throw DataFormatException.atLine(source, lineNo, "expected a number in column " + columnName(col, header) + ", found '" + f + "'");
        }
        if (!Float.isFinite(v)) throw DataFormatException.atLine(source, lineNo, "expected a finite number in column " + columnName(col, header) + ", found '" + f + "'");
        return v;
    }

    private static String columnName(int col, List<String> header) {
        return (col + 1) + (header != null ? " ('" + header.get(col).trim() + "')" : "");
    }

    private static Dataset build(float[] values, List<String> rawLabels, int features, String provenance) {
        boolean integers = rawLabels.stream().allMatch(s -> s.matches("[+-]?\\d{1,9}"));
        TreeMap<Object, Integer> classes = new TreeMap<>();
        for (String s : rawLabels) classes.put(integers ? (Object) Integer.valueOf(s) : s, 0);
        List<String> names = new ArrayList<>();
        for (var e : classes.entrySet()) {
            e.setValue(names.size());
            names.add(e.getKey().toString());
        }
        int[] labels = new int[rawLabels.size()];
        for (int i = 0; i < labels.length; i++) {
            String s = rawLabels.get(i);
            labels[i] = classes.get(integers ? (Object) Integer.valueOf(s) : s);
        }
        return new Dataset(Tensor.wrap(values, labels.length, features), labels, names, provenance);
    }

    /** Splits one line into fields, honouring double quotes. */
    static List<String> split(String line, char delim, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == delim) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) throw DataFormatException.atLine(source, lineNo, "expected a closing double quote before the end of the line");
        out.add(cur.toString());
        return out;
    }
}
