package io.normlab.data;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte} and
 * friends), gzip-compressed or not.
 *
 * <p>Format (big-endian): two zero bytes; a type byte (0x08 unsigned byte, 0x09 signed byte,
 * 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64); the number of dimensions d; d int32 sizes;
 * then the values in row-major order, and nothing after them.
 *
 * <p>Errors throw {@link DataFormatException} naming the file, the byte offset (in the
 * decompressed data) and what was expected; nothing is returned half-read.
 */
public final class IdxReader {
    private IdxReader() {}

    /** The values of an IDX file as a float tensor with the file's dimensions (values as stored). */
    public static Tensor readTensor(Path file) {
        return parse(BinaryFiles.readAll(file, "IDX file"), file.toString());
    }

    /**
     * An image/label pair as a data set: features (N, 1, H, W) for a 3-D image file (N, H, W), or
     * (N, ...) otherwise; unsigned-byte pixels are scaled to [0, 1] by x / 255. Labels come from a
     * 1-D integer file and must be in [0, 1000); the classes are 0 to the largest label.
     */
    public static Dataset read(Path images, Path labels) {
        byte[] imageBytes = BinaryFiles.readAll(images, "IDX file");
        Tensor x = parse(imageBytes, images.toString());
        boolean ubyte = imageBytes[2] == 0x08;
        Tensor y = parse(BinaryFiles.readAll(labels, "IDX file"), labels.toString());
        if (y.rank() != 1) throw DataFormatException.inFile(labels.toString(), "expected a 1-D label file, found dimensions " + Shape.str(y.shape()));
        if (y.size(0) != x.size(0)) {
            throw DataFormatException.inFile(labels.toString(), "expected " + x.size(0) + " labels (one per item of " + images + "), found " + y.size(0));
        }
        int[] lab = new int[y.size(0)];
        int max = 0;
        for (int i = 0; i < lab.length; i++) {
            float v = y.data()[i];
            if (v < 0 || v >= 1000 || v != Math.rint(v)) {
                throw DataFormatException.inFile(labels.toString(), "expected integer labels in [0, 1000), found " + v + " at item " + i);
            }
            lab[i] = (int) v;
            max = Math.max(max, lab[i]);
        }
        if (ubyte) {
            float[] d = x.data();
            for (int i = 0; i < d.length; i++) d[i] /= 255f;
        }
        if (x.rank() == 3) x = x.reshape(x.size(0), 1, x.size(1), x.size(2));
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) names.add(Integer.toString(c));
        String prov = "IDX files " + images + " and " + labels + (ubyte ? " (pixels scaled to [0, 1])" : "");
        return new Dataset(x, lab, names, prov);
    }

    /** Parses IDX bytes; {@code source} names them in errors. */
    static Tensor parse(byte[] b, String source) {
        if (b.length < 4) throw DataFormatException.atOffset(source, 0, "expected a 4-byte IDX header, found " + b.length + " bytes");
        if (b[0] != 0 || b[1] != 0) {
            throw DataFormatException.atOffset(source, 0, String.format("expected the IDX magic 00 00, found %02x %02x", b[0] & 0xff, b[1] & 0xff));
        }
        int type = b[2] & 0xff, rank = b[3] & 0xff;
        int size = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw DataFormatException.atOffset(source, 2, String.format("expected a type code 08, 09, 0b, 0c, 0d or 0e, found %02x", type));
        };
        if (rank == 0) throw DataFormatException.atOffset(source, 3, "expected at least 1 dimension, found 0");
        long headerEnd = 4L + 4L * rank;
        if (b.length < headerEnd) throw DataFormatException.atOffset(source, b.length, "expected " + rank + " dimension sizes ending at byte " + headerEnd + ", found end of file");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = buf.getInt(4 + 4 * d);
            if (dims[d] < 0) throw DataFormatException.atOffset(source, 4 + 4 * d, "expected a dimension size >= 0, found " + dims[d]);
            count *= dims[d];
            if (count > Integer.MAX_VALUE) throw DataFormatException.atOffset(source, 4, "dimensions " + Arrays.toString(dims) + " hold more than 2^31 - 1 values");
        }
        long expected = headerEnd + count * size;
        if (b.length != expected) {
            throw DataFormatException.atOffset(source, Math.min(b.length, expected), "expected " + count * size + " bytes of data for dimensions "
                    + Arrays.toString(dims) + " (file size " + expected + "), found a file of " + b.length + " bytes");
        }
        float[] v = new float[(int) count];
        int at = (int) headerEnd;
        for (int i = 0; i < v.length; i++, at += size) {
            v[i] = switch (type) {
                case 0x08 -> b[at] & 0xff;
                case 0x09 -> b[at];
                case 0x0B -> buf.getShort(at);
                case 0x0C -> buf.getInt(at);
                case 0x0D -> buf.getFloat(at);
                default -> (float) buf.getDouble(at);
            };
        }
        return Tensor.wrap(v, dims);
    }
}
