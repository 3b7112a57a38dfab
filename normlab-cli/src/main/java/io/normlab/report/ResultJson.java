package io.normlab.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.normlab.study.Chart;
import io.normlab.study.StudyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Study results and chart data as JSON (Jackson; records map field by field, NaN is written as the
 * string "NaN" and read back as NaN).
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultJson() {}

    public static String write(StudyResult r) {
        return text(r);
    }

    public static String write(Chart c) {
        return text(c);
    }

    private static String text(Object o) {
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("JSON: cannot write " + o.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a result written by {@link #write(StudyResult)}; the error names the file. */
    public static StudyResult read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file), StudyResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study result " + file + ": " + e.getMessage(), e);
        }
    }
}
