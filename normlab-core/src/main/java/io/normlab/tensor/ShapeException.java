package io.normlab.tensor;

/**
 * Thrown when tensor shapes do not fit an operation. The message always names the operation and
 * the shapes involved, e.g. {@code matmul: inner dimensions differ: [4, 3] x [5, 2]}.
 */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }

    /** Builds the standard message for a two-operand mismatch. */
    public static ShapeException of(String op, String problem, int[] a, int[] b) {
        return new ShapeException(op + ": " + problem + ": " + Shape.str(a) + " and " + Shape.str(b));
    }
}
