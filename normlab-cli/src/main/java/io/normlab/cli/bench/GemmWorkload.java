package io.normlab.cli.bench;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/** gemm-N of WORKLOADS.md: {@code C = A B}, square N, through {@link Gemm#current()}; work {@code 2 N^3} flop. */
final class GemmWorkload implements Workload {
    private final int n;
    private float[] a;
    private float[] b;
    private float[] c;

    GemmWorkload(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "gemm-" + n;
    }

    @Override
    public Unit unit() {
        return Unit.GFLOPS;
    }

    @Override
    public double work() {
        return 2.0 * n * n * n;
    }

    @Override
    public void setup() {
        Rng rng = new Rng(1);
        a = Tensor.randn(rng, n, n).data();
        b = Tensor.randn(rng, n, n).data();
        c = new float[n * n];
    }

    @Override
    public void run() {
        Gemm.current().gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false);
    }

    @Override
    public void tearDown() {
        a = b = c = null;
    }
}
