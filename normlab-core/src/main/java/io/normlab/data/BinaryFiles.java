package io.normlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Whole-file reads for the binary readers, decompressing gzip (detected by its magic bytes). */
final class BinaryFiles {
    private BinaryFiles() {}

    /** The file's bytes, decompressed when it starts with the gzip magic 1f 8b. */
    static byte[] readAll(Path file, String what) {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new DataFormatException(file + ": corrupt gzip data (" + e.getMessage() + ")");
                }
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(what + " not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
