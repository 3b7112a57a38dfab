package io.normlab.data;

import io.normlab.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary format ({@code data_batch_1.bin} ... {@code test_batch.bin}), gzip
 * or not. Each record is 3073 bytes: the label (0..9), then 1024 red, 1024 green and 1024 blue
 * pixel bytes, each a 32x32 image in row-major order. Features are (N, 3, 32, 32) (NCHW) scaled to
 * [0, 1] by x / 255; classes airplane ... truck.
 *
 * <p>A file whose length is not a whole number of records, or a label outside 0..9, throws
 * {@link DataFormatException} naming the file and byte offset; nothing is returned half-read.
 */
public final class Cifar10Reader {
    private Cifar10Reader() {}

    /** Bytes per record: 1 label + 3 x 32 x 32 pixels. */
    public static final int RECORD = 1 + 3 * 32 * 32;

    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /** The records of all {@code files}, in order. */
    public static Dataset read(Path... files) {
        if (files.length == 0) throw new IllegalArgumentException("Cifar10Reader.read: no files given");
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            byte[] b = BinaryFiles.readAll(f, "CIFAR-10 file");
            if (b.length == 0 || b.length % RECORD != 0) {
                long lastStart = (long) (b.length / RECORD) * RECORD;
                throw DataFormatException.atOffset(f.toString(), lastStart, "expected whole records of " + RECORD
                        + " bytes (1 label + 3072 pixels), found a file of " + b.length + " bytes"
                        + (b.length == 0 ? "" : " whose last record, starting here, has " + (b.length - lastStart) + " bytes"));
            }
            for (int r = 0; r < b.length / RECORD; r++) {
                int label = b[r * RECORD] & 0xff;
                if (label > 9) throw DataFormatException.atOffset(f.toString(), (long) r * RECORD, "expected a label 0..9 for record " + r + ", found " + label);
            }
            parts.add(b);
            total += b.length / RECORD;
        }
        if (total * (RECORD - 1) > Integer.MAX_VALUE) throw new IllegalArgumentException("Cifar10Reader: " + total + " images do not fit in one tensor");
        int n = (int) total;
        float[] x = new float[n * (RECORD - 1)];
        int[] y = new int[n];
        int i = 0;
        for (byte[] b : parts) {
            for (int r = 0; r < b.length / RECORD; r++, i++) {
                y[i] = b[r * RECORD];
                int src = r * RECORD + 1, dst = i * (RECORD - 1);
                for (int k = 0; k < RECORD - 1; k++) x[dst + k] = (b[src + k] & 0xff) / 255f;
            }
        }
        StringBuilder prov = new StringBuilder("CIFAR-10 binary files");
        for (Path f : files) prov.append(' ').append(f);
        return new Dataset(Tensor.wrap(x, n, 3, 32, 32), y, CLASSES, prov.append(" (pixels scaled to [0, 1])").toString());
    }
}
