package io.normlab.tensor;

import java.util.logging.Logger;

/**
 * Chooses the compute kernels at start-up: the Vector API path when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else the plain-Java path (same results up to
 * floating-point rounding, slower). One log line says which is active. Set the system property
 * {@code normlab.simd=false} to force the plain path.
 */
public final class Backend {
    private static final String VECTOR_GEMM = "io.normlab.tensor.simd.VectorGemm";
    private static final String VECTOR_NORM = "io.normlab.tensor.simd.VectorNormLoops";
    private static final String VECTOR_MATH = "io.normlab.tensor.simd.VectorMathLoops";
    private static final boolean VECTOR = detect();
    private static volatile NormLoops normLoops = load(VECTOR_NORM, NormLoops.class, new PlainNormLoops());
    private static final MathLoops MATH_LOOPS = load(VECTOR_MATH, MathLoops.class, new PlainMathLoops());

    private Backend() {}

    /** True when the Vector API kernels are in use. */
    public static boolean vectorApi() {
        return VECTOR;
    }

    /** A one-line description of the active path: which kernels use the Vector API. */
    public static String describe() {
        boolean gemm = !(Gemm.current() instanceof BlockedGemm), norm = !(normLoops instanceof PlainNormLoops);
        boolean math = !(MATH_LOOPS instanceof PlainMathLoops);
        if (gemm || norm || math) {
            StringBuilder sb = new StringBuilder("Vector API (jdk.incubator.vector, " + vectorBits() + "-bit) for");
            if (gemm) sb.append(" GEMM,");
            if (norm) sb.append(" normalization,");
            if (math) sb.append(" activations,");
            return sb.substring(0, sb.length() - 1) + "; plain Java elsewhere";
        }
        return "plain-Java kernels" + (VECTOR || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                ? " (run java with --add-modules jdk.incubator.vector for the Vector API kernels)" : " (normlab.simd=false)");
    }

    /** Width of the preferred vector species, read through the simd package so that this class loads without the module. */
    private static int vectorBits() {
        try {
            return (int) Class.forName("io.normlab.tensor.simd.VectorNormLoops").getMethod("vectorBits").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }

    static Gemm defaultGemm() {
        return load(VECTOR_GEMM, Gemm.class, new BlockedGemm());
    }

    static NormLoops normLoops() {
        return normLoops;
    }

    static MathLoops mathLoops() {
        return MATH_LOOPS;
    }

    static NormLoops useNormLoops(NormLoops loops) {
        NormLoops old = normLoops;
        normLoops = java.util.Objects.requireNonNull(loops);
        return old;
    }

    /** The Vector API implementation {@code className} when that path is active, else {@code plain}. */
    private static <T> T load(String className, Class<T> type, T plain) {
        if (VECTOR) {
            try {
                return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                Logger.getLogger(Backend.class.getName()).warning("Vector API kernel " + className + " failed to load, using plain Java: " + e);
            }
        }
        return plain;
    }

    private static boolean detect() {
        boolean on = !"false".equals(System.getProperty("normlab.simd"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        Logger log = Logger.getLogger(Backend.class.getName());
        if (on) log.fine("NormLab compute backend: Vector API");
        else log.info("NormLab compute backend: plain Java (add --add-modules jdk.incubator.vector to the java command for the faster Vector API path)");
        return on;
    }
}
