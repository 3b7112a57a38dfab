package io.normlab.io;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a safetensors file (format in {@link SafeTensors}) of F32 and I64 tensors plus a string
 * metadata map, and writes it atomically: to a temporary file in the target directory, then
 * renamed over the target, so a reader never sees a half-written file.
 */
public final class SafeTensorsWriter {
    private record Item(String name, String dtype, int[] shape, byte[] bytes) {}

    private final List<Item> items = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Adds a float32 tensor. */
    public SafeTensorsWriter put(String name, Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(t.numel() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.data()) b.putFloat(v);
        return add(new Item(name, "F32", t.shape(), b.array()));
    }

    /** Adds every entry of a state dict as float32. */
    public SafeTensorsWriter putAll(Map<String, Tensor> tensors) {
        tensors.forEach(this::put);
        return this;
    }

    /** Adds an int64 tensor of the given shape. */
    public SafeTensorsWriter putLongs(String name, long[] values, int... shape) {
        if (Shape.numel(shape) != values.length) {
            throw new IllegalArgumentException("putLongs '" + name + "': " + values.length + " values do not fill shape " + Shape.str(shape));
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        return add(new Item(name, "I64", shape.clone(), b.array()));
    }

    /** Adds a metadata entry. */
    public SafeTensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    private SafeTensorsWriter add(Item item) {
        if (item.name.equals("__metadata__")) throw new IllegalArgumentException("'__metadata__' is reserved");
        for (Item i : items) if (i.name.equals(item.name)) throw new IllegalArgumentException("duplicate tensor name '" + item.name + "'");
        items.add(item);
        return this;
    }

    /** The encoded file. */
    public byte[] toBytes() {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            boolean first = true;
            for (var e : metadata.entrySet()) {
                if (!first) h.append(',');
                first = false;
                h.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            }
            h.append('}');
        }
        long offset = 0;
        for (Item i : items) {
            if (h.length() > 1) h.append(',');
            h.append(Json.quote(i.name)).append(":{\"dtype\":\"").append(i.dtype).append("\",\"shape\":[");
            for (int d = 0; d < i.shape.length; d++) h.append(d > 0 ? "," : "").append(i.shape[d]);
            h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + i.bytes.length).append("]}");
            offset += i.bytes.length;
        }
        h.append('}');
        while ((h.length() + 8) % 8 != 0) h.append(' ');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + header.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        for (Item i : items) out.put(i.bytes);
        return out.array();
    }

    /** Writes atomically to {@code path} (temporary file + rename, {@link AtomicFile}). */
    public void write(Path path) {
        AtomicFile.write(path, toBytes(), "safetensors file");
    }
}
