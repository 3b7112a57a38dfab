package io.normlab.data;

/**
 * A data file does not have the expected format. The message names the file, the position (line
 * number, or byte offset for binary formats) and what was expected, e.g.
 * {@code iris.csv:12: expected 5 fields, found 4}.
 */
public class DataFormatException extends RuntimeException {
    public DataFormatException(String message) {
        super(message);
    }

    /** A problem at 1-based line {@code line} of {@code source}. */
    public static DataFormatException atLine(String source, long line, String problem) {
        return new DataFormatException(source + ":" + line + ": " + problem);
    }

    /** A problem at byte {@code offset} (from 0) of a binary {@code source}. */
    public static DataFormatException atOffset(String source, long offset, String problem) {
        return new DataFormatException(source + ": byte offset " + offset + ": " + problem);
    }

    /** A problem with {@code source} as a whole (no rows, unknown column, ...). */
    public static DataFormatException inFile(String source, String problem) {
        return new DataFormatException(source + ": " + problem);
    }
}
