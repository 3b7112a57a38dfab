package io.normlab.io;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors format (Hugging Face): 8-byte little-endian header length N, N bytes of JSON
 * header {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {string: string}}}, then the raw little-endian data; offsets are relative to the
 * data section. Reads F32, F64, I64, I32; writes F32 and I64 (see {@link SafeTensorsWriter}).
 *
 * <p>Every structural problem (bad header length, malformed JSON, unknown dtype, offsets out of
 * range or inconsistent with the shape) is reported as {@link FormatException} naming the source
 * and the tensor; nothing is returned half-read.
 */
public final class SafeTensors {
    /** Element types this reader understands, with their size in bytes. */
    public enum DType {
        F32(4), F64(8), I64(8), I32(4);

        public final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }
    }

    /** A malformed safetensors file; the message names the source and the problem. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(String message) {
            super(message);
        }
    }

    /** One stored tensor: its dtype, shape and raw little-endian bytes. */
    public record Entry(String name, DType dtype, int[] shape, ByteBuffer bytes) {}

    private final String source;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafeTensors(String source, Map<String, Entry> entries, Map<String, String> metadata) {
        this.source = source;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Reads a whole file. */
    public static SafeTensors read(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + path, e);
        }
    }

    /** Parses bytes; {@code source} names them in error messages. */
    public static SafeTensors parse(byte[] file, String source) {
        if (file.length < 8) throw new FormatException(source + ": file of " + file.length + " bytes is too short for the 8-byte header length");
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong(0);
        if (headerLen <= 0 || headerLen > file.length - 8L) {
            throw new FormatException(source + ": header length " + headerLen + " does not fit in a file of " + file.length + " bytes");
        }
        String headerText = new String(file, 8, (int) headerLen, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(headerText.strip());
        } catch (IllegalArgumentException e) {
            throw new FormatException(source + ": malformed header: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) throw new FormatException(source + ": header is not a JSON object");
        int dataStart = 8 + (int) headerLen;
        int dataLen = file.length - dataStart;
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (var e : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map)) throw new FormatException(source + ": __metadata__ is not an object");
                for (var m : ((Map<?, ?>) e.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String)) throw new FormatException(source + ": metadata value for '" + m.getKey() + "' is not a string");
                    meta.put((String) m.getKey(), (String) m.getValue());
                }
                continue;
            }
            entries.put(name, entry(source, name, e.getValue(), file, dataStart, dataLen));
        }
        return new SafeTensors(source, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(meta));
    }

    private static Entry entry(String source, String name, Object spec, byte[] file, int dataStart, int dataLen) {
        String where = source + ": tensor '" + name + "'";
        if (!(spec instanceof Map)) throw new FormatException(where + ": entry is not an object");
        Map<?, ?> m = (Map<?, ?>) spec;
        DType dtype;
        try {
            dtype = DType.valueOf(String.valueOf(m.get("dtype")));
        } catch (IllegalArgumentException ex) {
            throw new FormatException(where + ": unknown dtype " + m.get("dtype") + " (supported: F32, F64, I64, I32)");
        }
        int[] shape = ints(where, "shape", m.get("shape"), -1);
        int[] offsets = ints(where, "data_offsets", m.get("data_offsets"), 2);
        for (int d : shape) if (d < 0) throw new FormatException(where + ": negative dimension in shape " + Shape.str(shape));
        long numel = 1;
        for (int d : shape) numel *= d;
        int begin = offsets[0], end = offsets[1];
        if (begin < 0 || end < begin || end > dataLen) {
            throw new FormatException(where + ": data_offsets [" + begin + ", " + end + "] out of range for " + dataLen + " data bytes");
        }
        if ((long) end - begin != numel * dtype.bytes) {
            throw new FormatException(where + ": data_offsets span " + (end - begin) + " bytes but shape " + Shape.str(shape)
                    + " of " + dtype + " needs " + numel * dtype.bytes);
        }
        ByteBuffer bytes = ByteBuffer.wrap(file, dataStart + begin, end - begin).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Entry(name, dtype, shape, bytes);
    }

    private static int[] ints(String where, String key, Object v, int expectedLen) {
        if (!(v instanceof List)) throw new FormatException(where + ": '" + key + "' is missing or not an array");
        List<?> l = (List<?>) v;
        if (expectedLen >= 0 && l.size() != expectedLen) throw new FormatException(where + ": '" + key + "' must have " + expectedLen + " entries");
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) {
            if (!(l.get(i) instanceof Long) || (Long) l.get(i) > Integer.MAX_VALUE || (Long) l.get(i) < Integer.MIN_VALUE) {
                throw new FormatException(where + ": '" + key + "' entry " + l.get(i) + " is not a 32-bit integer");
            }
            r[i] = (int) (long) (Long) l.get(i);
        }
        return r;
    }

    /** Tensor names in header order (without {@code __metadata__}). */
    public Set<String> names() {
        return entries.keySet();
    }

    /** The {@code __metadata__} map (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The raw entry {@code name}. */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) throw new IllegalArgumentException(source + ": no tensor named '" + name + "' (have " + entries.keySet() + ")");
        return e;
    }

    /** Tensor {@code name} converted to float32 (F64 rounded, integers converted). */
    public Tensor tensor(String name) {
        Entry e = entry(name);
        ByteBuffer b = e.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[Shape.numel(e.shape())];
        for (int i = 0; i < d.length; i++) {
            switch (e.dtype()) {
                case F32: d[i] = b.getFloat(i * 4); break;
                case F64: d[i] = (float) b.getDouble(i * 8); break;
                case I64: d[i] = b.getLong(i * 8); break;
                default: d[i] = b.getInt(i * 4); break;
            }
        }
        return Tensor.wrap(d, e.shape());
    }

    /** Integer tensor {@code name} (I64 or I32) as longs in row-major order. */
    public long[] longs(String name) {
        Entry e = entry(name);
        ByteBuffer b = e.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long[] d = new long[Shape.numel(e.shape())];
        for (int i = 0; i < d.length; i++) {
            switch (e.dtype()) {
                case I64: d[i] = b.getLong(i * 8); break;
                case I32: d[i] = b.getInt(i * 4); break;
                default: throw new IllegalArgumentException(source + ": tensor '" + name + "' is " + e.dtype() + ", not an integer type");
            }
        }
        return d;
    }

    /** Integer tensor {@code name} as ints (labels); values must fit in 32 bits. */
    public int[] ints(String name) {
        long[] l = longs(name);
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) r[i] = Math.toIntExact(l[i]);
        return r;
    }
}
