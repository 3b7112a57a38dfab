package io.normlab.io;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir Path dir;

    @Test
    void readsPyTorchGoldenFile() {
        SafeTensors st = GoldenCase.load("mlp_bn_3steps_sgd_momentum");
        assertArrayEquals(new int[] {32, 64}, st.tensor("init.0.weight").shape());
        assertEquals(16, st.ints("batch.0.y").length);
        assertTrue(st.metadata().get("model").startsWith("Sequential"));
        for (int label : st.ints("batch.0.y")) assertTrue(label >= 0 && label < 10);
    }

    @Test
    void roundTripKeepsValuesShapesAndMetadata() {
        Tensor a = Tensor.randn(new Rng(3), 2, 3, 4);
        Path p = dir.resolve("x.safetensors");
        new SafeTensorsWriter().put("a", a).putLongs("labels", new long[] {1, -2, 3}, 3).metadata("seed", "3").write(p);
        SafeTensors st = SafeTensors.read(p);
        assertArrayEquals(a.data(), st.tensor("a").data());
        assertArrayEquals(new long[] {1, -2, 3}, st.longs("labels"));
        assertEquals("3", st.metadata().get("seed"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badHeaderLengthIsNamed() {
        byte[] f = new byte[16];
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        var ex = assertThrows(SafeTensors.FormatException.class, () -> SafeTensors.parse(f, "f.st"));
        assertTrue(ex.getMessage().contains("header length 1000"), ex.getMessage());
        assertThrows(SafeTensors.FormatException.class, () -> SafeTensors.parse(new byte[3], "tiny"));
    }

    @Test
    void offsetsOutOfRangeAndUnknownDtypeAreNamed() {
        var ex = assertThrows(SafeTensors.FormatException.class,
                () -> SafeTensors.parse(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8), "f"));
        assertTrue(ex.getMessage().contains("'w'") && ex.getMessage().contains("out of range"), ex.getMessage());
        ex = assertThrows(SafeTensors.FormatException.class,
                () -> SafeTensors.parse(file("{\"w\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "f"));
        assertTrue(ex.getMessage().contains("unknown dtype Q7"), ex.getMessage());
        ex = assertThrows(SafeTensors.FormatException.class,
                () -> SafeTensors.parse(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,4]}}", 4), "f"));
        assertTrue(ex.getMessage().contains("needs 12"), ex.getMessage());
        ex = assertThrows(SafeTensors.FormatException.class, () -> SafeTensors.parse(file("{\"w\":", 0), "f"));
        assertTrue(ex.getMessage().contains("malformed header"), ex.getMessage());
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }
}
