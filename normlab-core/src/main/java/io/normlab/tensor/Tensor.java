package io.normlab.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor: a {@code float[]} in row-major order plus an immutable shape.
 *
 * <p>Values are mutable through {@link #data()} (optimizers update parameters in place); the shape
 * never changes. {@link #reshape} returns a view sharing the data. Operations live in small
 * static classes ({@link Elementwise}, {@link Reductions}, {@link Linalg}, {@link Layout}); the
 * instance methods here are shortcuts to them. Gradient tracking is not part of this type: see
 * {@code io.normlab.autograd.Var}.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---- creation -------------------------------------------------------------------------

    /** Wraps {@code data} without copying; its length must equal the product of {@code shape}. */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = shape.clone();
        if (Shape.numel(s) != data.length) {
            throw new ShapeException("wrap: " + data.length + " values do not fill shape " + Shape.str(s));
        }
        return new Tensor(data, s);
    }

    /** A tensor holding a copy of {@code data} with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A 2-D tensor copied from a rectangular array of rows. */
    public static Tensor of(float[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        float[] d = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) throw new ShapeException("of: row " + i + " has " + rows[i].length + " values, expected " + c);
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Tensor(d, new int[] {r, c});
    }

    /** A rank-0 tensor holding {@code v}. */
    public static Tensor scalar(float v) {
        return new Tensor(new float[] {v}, new int[0]);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shape.numel(shape)], shape.clone());
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    /** A zero tensor with the shape of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return zeros(like.shape);
    }

    /** Values {@code 0, 1, ..., n-1} as a 1-D tensor. */
    public static Tensor arange(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return new Tensor(d, new int[] {n});
    }

    /** Samples from N(mean, std^2), drawn in row-major order from {@code rng}. */
    public static Tensor randn(Rng rng, float mean, float std, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + std * rng.nextGaussian());
        return new Tensor(d, shape.clone());
    }

    /** Standard normal samples. */
    public static Tensor randn(Rng rng, int... shape) {
        return randn(rng, 0f, 1f, shape);
    }

    /** Samples from U[low, high), drawn in row-major order from {@code rng}. */
    public static Tensor uniform(Rng rng, float low, float high, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (low + (high - low) * rng.nextDouble());
        return new Tensor(d, shape.clone());
    }

    // ---- shape and access -----------------------------------------------------------------

    /** The backing array (row-major, not a copy): writes change this tensor and its views. */
    public float[] data() {
        return data;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code d} (negative counts from the end). */
    public int size(int d) {
        return shape[Shape.axis("size", d, shape.length)];
    }

    public int numel() {
        return data.length;
    }

    /** True when {@code other} has exactly this shape. */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** True when the shape equals {@code s}. */
    public boolean hasShape(int... s) {
        return Arrays.equals(shape, s);
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) throw new ShapeException("item: tensor of shape " + Shape.str(shape) + " has " + data.length + " elements, expected 1");
        return data[0];
    }

    /** The value at a multi-index. */
    public float get(int... index) {
        return data[offset(index)];
    }

    /** Sets the value at a multi-index. */
    public void set(float v, int... index) {
        data[offset(index)] = v;
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new ShapeException("index " + Arrays.toString(index) + " has rank " + index.length + ", tensor " + Shape.str(shape));
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new ShapeException("index " + Arrays.toString(index) + " out of bounds for shape " + Shape.str(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    /** A view with a new shape (one entry may be -1) sharing this tensor's data. */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, Shape.infer("reshape", newShape, data.length));
    }

    /** Copies {@code src}'s values into this tensor; shapes must match. */
    public void copyFrom(Tensor src) {
        if (!sameShape(src)) throw ShapeException.of("copyFrom", "shapes differ", shape, src.shape);
        System.arraycopy(src.data, 0, data, 0, data.length);
    }

    /** Sets every element to {@code v}. */
    public void fill(float v) {
        Arrays.fill(data, v);
    }

    // ---- shortcuts to the op classes ---------------------------------------------------------

    public Tensor add(Tensor o) { return Elementwise.add(this, o); }
    public Tensor sub(Tensor o) { return Elementwise.sub(this, o); }
    public Tensor mul(Tensor o) { return Elementwise.mul(this, o); }
    public Tensor div(Tensor o) { return Elementwise.div(this, o); }
    public Tensor add(float s) { return Elementwise.map(this, v -> v + s); }
    public Tensor mul(float s) { return Elementwise.scale(this, s); }
    public Tensor neg() { return Elementwise.scale(this, -1f); }
    public Tensor matmul(Tensor o) { return Linalg.matmul(this, o); }
    public Tensor sum() { return Reductions.sumAll(this); }
    public Tensor sum(boolean keepDim, int... axes) { return Reductions.sum(this, keepDim, axes); }
    public Tensor mean(boolean keepDim, int... axes) { return Reductions.mean(this, keepDim, axes); }
    public Tensor transpose(int a, int b) { return Layout.transpose(this, a, b); }
    public Tensor permute(int... order) { return Layout.permute(this, order); }

    /**
     * True when shapes are equal and every value is within {@code atol + rtol * |other|}. NaN is
     * never close; an infinity is close only to the same infinity.
     */
    public boolean allClose(Tensor other, float rtol, float atol) {
        if (!sameShape(other)) return false;
        for (int i = 0; i < data.length; i++) {
            float a = data[i], b = other.data[i];
            if (Float.isNaN(a) || Float.isNaN(b)) return false;
            if (Float.isInfinite(a) || Float.isInfinite(b)) {
                if (a != b) return false;
                continue;
            }
            if (Math.abs(a - b) > atol + rtol * Math.abs(b)) return false;
        }
        return true;
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (float v : data) if (!Float.isFinite(v)) return false;
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.str(shape)).append(' ');
        int n = Math.min(data.length, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            sb.append(data[i]);
        }
        if (data.length > n) sb.append(", ...");
        return sb.append(']').toString();
    }
}
