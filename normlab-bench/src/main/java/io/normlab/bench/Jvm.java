package io.normlab.bench;

/**
 * The JVM flags every benchmark fork runs with, the same as the {@code normlab} launcher's:
 * the Vector API module (the fast kernels) and the parallel collector with a 192 MiB young
 * generation (G1 and an unbounded young generation were measured to slow training steps up to 10x;
 * see the launcher's comment).
 */
final class Jvm {
    static final String VECTOR = "--add-modules=jdk.incubator.vector";
    static final String COLLECTOR = "-XX:+UseParallelGC";
    static final String YOUNG = "-Xmn192m";

    private Jvm() {}
}
