package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    DataFormatException malformed(String name, String text, CsvReader.Options o) throws IOException {
        Path p = write(name, text);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(p, o));
        assertTrue(e.getMessage().startsWith(p.toString() + ":"), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void headerWithLabelByName() throws IOException {
        Path p = write("iris.csv", "sepal,species,petal\n5.1,setosa,1.4\n\n6.3,virginica,6.0\r\n4.9,setosa,1.3\n");
        Dataset d = CsvReader.read(p, CsvReader.Options.labelNamed("species"));
        assertArrayEquals(new int[] {3, 2}, d.features().shape());
        assertArrayEquals(new float[] {5.1f, 1.4f, 6.3f, 6.0f, 4.9f, 1.3f}, d.features().data());
        assertEquals(List.of("setosa", "virginica"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        assertTrue(d.provenance().contains("iris.csv"));
    }

    @Test
    void noHeaderLabelByIndexWithIntegerClasses() throws IOException {
        Path p = write("w.csv", "3,1.5,2\n1,2.5,-3e2\n10,0,1\n");
        Dataset d = CsvReader.read(p, CsvReader.Options.labelAt(0, false));
        assertArrayEquals(new float[] {1.5f, 2, 2.5f, -300, 0, 1}, d.features().data());
        assertEquals(List.of("1", "3", "10"), d.classNames(), "integer labels sort numerically");
        assertArrayEquals(new int[] {1, 0, 2}, d.labels());
        Dataset last = CsvReader.read(p, CsvReader.Options.labelLast());
        assertEquals(List.of("-3e2", "1", "2"), last.classNames(), "non-integer labels sort as text");
    }

    @Test
    void quotedFieldsOtherDelimiterBomAndGzip() throws IOException {
        Path p = write("q.csv", "\uFEFF\"a;b\";\"label \"\"x\"\"\"\n\"1.0\";yes\n2;no\n");
        Dataset d = CsvReader.read(p, CsvReader.Options.labelNamed("label \"x\"").withDelimiter(';'));
        assertArrayEquals(new float[] {1, 2}, d.features().data());
        assertEquals(List.of("no", "yes"), d.classNames());

        Path gz = dir.resolve("g.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("0.5,0.25,1\n0.75,1,0\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset g = CsvReader.read(gz, CsvReader.Options.labelLast());
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.75f, 1}, g.features().data());
        assertArrayEquals(new int[] {1, 0}, g.labels());
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        var e = malformed("short.csv", "1,2,0\n3,4,1\n\n5,1\n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("short.csv:4: expected 3 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    }

    @Test
    void nonNumericFeatureNamesLineAndColumn() throws IOException {
        var e = malformed("bad.csv", "x,y,label\n1,2,a\n3,abc,b\n", CsvReader.Options.labelNamed("label"));
        assertTrue(e.getMessage().contains("bad.csv:3: expected a number in column 2 ('y'), found 'abc'"), e.getMessage());
        e = malformed("nan.csv", "1,NaN,0\n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("nan.csv:1: expected a finite number"), e.getMessage());
        e = malformed("empty-field.csv", "1,2,0\n1,,0\n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("empty-field.csv:2: expected a number in column 2, found ''"), e.getMessage());
    }

    @Test
    void missingLabelColumnAndEmptyLabel() throws IOException {
        var e = malformed("h.csv", "x,y,class\n1,2,0\n", CsvReader.Options.labelNamed("label"));
        assertTrue(e.getMessage().contains("h.csv:1: expected a label column named 'label'"), e.getMessage());
        assertTrue(e.getMessage().contains("class"), "lists the columns: " + e.getMessage());
        e = malformed("i.csv", "1,2,0\n", CsvReader.Options.labelAt(5, false));
        assertTrue(e.getMessage().contains("i.csv:1: label column index 5"), e.getMessage());
        e = malformed("l.csv", "1,2,0\n1,2, \n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("l.csv:2: expected a label in column 3"), e.getMessage());
    }

    @Test
    void emptyFilesAndUnterminatedQuotes() throws IOException {
        var e = malformed("none.csv", "a,b,label\n\n", CsvReader.Options.labelNamed("label"));
        assertTrue(e.getMessage().contains("none.csv: expected at least one data row"), e.getMessage());
        e = malformed("q.csv", "1,2,0\n\"3,4,1\n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("q.csv:2: expected a closing double quote"), e.getMessage());
        e = malformed("one.csv", "1\n2\n", CsvReader.Options.labelLast());
        assertTrue(e.getMessage().contains("one.csv:1: expected at least 2 columns"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path p = dir.resolve("absent.csv");
        var e = assertThrows(UncheckedIOException.class, () -> CsvReader.read(p, CsvReader.Options.labelLast()));
        assertTrue(e.getMessage().contains("absent.csv"), e.getMessage());
    }

    @Test
    void labelByNameNeedsAHeader() {
        assertThrows(IllegalArgumentException.class, () -> new CsvReader.Options(false, "y", -1, ','));
    }
}
