package io.normlab.data;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX (MNIST format) and CIFAR-10 binary readers on small files written here. */
class BinaryReadersTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        return b.put(data).array();
    }

    Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        if (!gzip) return Files.write(p, bytes);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(bytes);
        }
        return p;
    }

    /** Two 2x3 images with pixel values 0..11 (pixel 11 = 255) and labels 7, 2. */
    byte[] images() {
        byte[] px = new byte[12];
        for (int i = 0; i < 12; i++) px[i] = (byte) (i == 11 ? 255 : i * 10);
        return idx(0x08, new int[] {2, 2, 3}, px);
    }

    @Test
    void idxImagesAndLabelsGzippedOrNot() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path img = write("img" + gz, images(), gz), lab = write("lab" + gz, idx(0x08, new int[] {2}, new byte[] {7, 2}), gz);
            Dataset d = IdxReader.read(img, lab);
            assertArrayEquals(new int[] {2, 1, 2, 3}, d.features().shape());
            assertEquals(50 / 255f, d.features().get(0, 0, 1, 2), 1e-7f);
            assertEquals(1f, d.features().get(1, 0, 1, 2));
            assertArrayEquals(new int[] {7, 2}, d.labels());
            assertEquals(8, d.numClasses());
        }
    }

    @Test
    void idxOtherTypesKeepTheirValues() throws IOException {
        ByteBuffer f = ByteBuffer.allocate(12).putFloat(1.5f).putFloat(-2f).putFloat(3e-3f);
        Tensor t = IdxReader.readTensor(write("f.idx", idx(0x0D, new int[] {3}, f.array()), false));
        assertArrayEquals(new float[] {1.5f, -2f, 3e-3f}, t.data());
        ByteBuffer s = ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 7);
        assertArrayEquals(new float[] {-300, 7}, IdxReader.readTensor(write("s.idx", idx(0x0B, new int[] {1, 2}, s.array()), false)).data());
        assertArrayEquals(new float[] {-1}, IdxReader.readTensor(write("b.idx", idx(0x09, new int[] {1}, new byte[] {-1}), false)).data());
    }

    DataFormatException malformedIdx(byte[] bytes) throws IOException {
        Path p = write("bad.idx", bytes, false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readTensor(p));
        assertTrue(e.getMessage().startsWith(p + ": byte offset "), e.getMessage());
        return e;
    }

    @Test
    void malformedIdxNamesTheOffset() throws IOException {
        assertTrue(malformedIdx(new byte[] {0, 1, 8, 1, 0, 0, 0, 0}).getMessage().contains("byte offset 0: expected the IDX magic 00 00, found 00 01"));
        assertTrue(malformedIdx(new byte[] {0, 0, 7, 1, 0, 0, 0, 0}).getMessage().contains("byte offset 2: expected a type code"));
        assertTrue(malformedIdx(new byte[] {0, 0, 8, 3, 0, 0, 0, 2}).getMessage().contains("expected 3 dimension sizes ending at byte 16"));
        byte[] truncated = Arrays.copyOf(images(), images().length - 1);
        var e = malformedIdx(truncated);
        assertTrue(e.getMessage().contains("expected 12 bytes of data for dimensions [2, 2, 3] (file size 28), found a file of 27 bytes"), e.getMessage());
        byte[] trailing = Arrays.copyOf(images(), images().length + 1);
        assertTrue(malformedIdx(trailing).getMessage().contains("found a file of 29 bytes"));
        Path bad = write("badgz.idx.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, false);
        assertThrows(DataFormatException.class, () -> IdxReader.readTensor(bad));
    }

    @Test
    void idxLabelCountMustMatch() throws IOException {
        Path img = write("img", images(), false), lab = write("lab", idx(0x08, new int[] {3}, new byte[] {1, 2, 3}), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.read(img, lab));
        assertTrue(e.getMessage().contains("expected 2 labels"), e.getMessage());
    }

    /** {@code n} CIFAR records: record r has label r % 10 and every red byte r, green 100, blue 255. */
    static byte[] cifar(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < n; r++) {
            out.write(r % 10);
            for (int k = 0; k < 1024; k++) out.write(r);
            for (int k = 0; k < 1024; k++) out.write(100);
            for (int k = 0; k < 1024; k++) out.write(255);
        }
        return out.toByteArray();
    }

    @Test
    void cifarRecordsBecomeNchwImages() throws IOException {
        Dataset d = Cifar10Reader.read(write("a.bin", cifar(3), false), write("b.bin.gz", cifar(12), true));
        assertArrayEquals(new int[] {15, 3, 32, 32}, d.features().shape());
        assertEquals(2, d.label(2));
        assertEquals(1, d.label(4), "sample 4 is record 1 of the second file");
        assertEquals(2 / 255f, d.features().get(2, 0, 31, 31), 1e-7f);
        assertEquals(100 / 255f, d.features().get(2, 1, 0, 0), 1e-7f);
        assertEquals(1f, d.features().get(14, 2, 5, 7));
        assertEquals("truck", d.classNames().get(9));
    }

    @Test
    void malformedCifarNamesTheOffset() throws IOException {
        Path p = write("short.bin", Arrays.copyOf(cifar(2), 2 * 3073 - 5), false);
        var e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(p));
        assertTrue(e.getMessage().contains("short.bin: byte offset 3073: expected whole records of 3073 bytes"), e.getMessage());
        byte[] badLabel = cifar(2);
        badLabel[3073] = 10;
        Path q = write("label.bin", badLabel, false);
        e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(q));
        assertTrue(e.getMessage().contains("label.bin: byte offset 3073: expected a label 0..9 for record 1, found 10"), e.getMessage());
    }
}
