package io.normlab.tensor;

import java.util.Arrays;

/**
 * Static helpers for shapes (int arrays, row-major, last dimension fastest). Shapes are never
 * modified in place by these helpers; every result is a fresh array.
 */
public final class Shape {
    private Shape() {}

    /** Number of elements: the product of the dimensions (1 for a scalar shape {@code []}). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new ShapeException("negative dimension in shape " + str(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) throw new ShapeException("shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Row-major strides: {@code strides[i] = prod(shape[i+1..])}. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Renders a shape as {@code [2, 3]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Maps a possibly negative axis ({@code -1} = last) into {@code [0, rank)}. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeException(op + ": axis " + axis + " out of range for rank " + rank);
        }
        return a;
    }

    /**
     * NumPy/PyTorch broadcasting: align shapes at the right; each pair of dimensions must be equal
     * or one of them 1.
     *
     * @throws ShapeException naming {@code op} and both shapes when they do not broadcast
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw ShapeException.of(op, "shapes do not broadcast", a, b);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Resolves one {@code -1} entry of {@code shape} so that the product equals {@code numel}. */
    public static int[] infer(String op, int[] shape, int numel) {
        int[] out = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] < -1) throw new ShapeException(op + ": invalid dimension " + out[i] + " in " + str(shape));
            if (out[i] == -1) {
                if (unknown >= 0) throw new ShapeException(op + ": more than one -1 in " + str(shape));
                unknown = i;
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new ShapeException(op + ": cannot infer -1 in " + str(shape) + " for " + numel + " elements");
            }
            out[unknown] = (int) (numel / known);
        }
        if (numel(out) != numel) {
            throw new ShapeException(op + ": shape " + str(shape) + " does not hold " + numel + " elements");
        }
        return out;
    }
}
