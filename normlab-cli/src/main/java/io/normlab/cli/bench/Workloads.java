package io.normlab.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The K (kernel) and T (training) workloads of WORKLOADS.md, by name, in the order a full run takes them. */
public final class Workloads {
    private static final Map<String, Supplier<Workload>> ALL = new LinkedHashMap<>();

    static {
        for (int n : new int[] {256, 512, 1024, 2048}) ALL.put("gemm-" + n, () -> new GemmWorkload(n));
        ALL.put("bn2d", NormWorkload::bn2d);
        ALL.put("ln", NormWorkload::ln);
        ALL.put("gn", NormWorkload::gn);
        ALL.put("in2d", NormWorkload::in2d);
        for (StreamWorkload.Kind k : StreamWorkload.Kind.values()) {
            ALL.put("stream-" + k.name().toLowerCase(java.util.Locale.ROOT), () -> new StreamWorkload(k));
        }
        ALL.put("mlp-deep-bn", () -> TrainWorkload.mlpDeep(true));
        ALL.put("mlp-deep-plain", () -> TrainWorkload.mlpDeep(false));
        ALL.put("cnn-small-bn", () -> TrainWorkload.cnnSmall(true));
        ALL.put("cnn-small-gn", () -> TrainWorkload.cnnSmall(false));
        ALL.put("lstm-plain", () -> TrainWorkload.lstm(false));
        ALL.put("lstm-ln", () -> TrainWorkload.lstm(true));
    }

    private Workloads() {}

    /** Every workload name. */
    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /**
     * The workloads matching {@code selectors}: an exact name, or a prefix ending in {@code -} or a
     * bare family ({@code gemm}, {@code stream}, {@code mlp-deep}, {@code cnn-small}, {@code lstm}).
     *
     * @throws IllegalArgumentException naming the selector that matches nothing
     */
    public static List<Workload> select(List<String> selectors) {
        List<String> names = new ArrayList<>();
        for (String s : selectors) {
            List<String> hit = new ArrayList<>();
            for (String n : ALL.keySet()) if (n.equals(s) || n.startsWith(s.endsWith("-") ? s : s + "-")) hit.add(n);
            if (hit.isEmpty()) throw new IllegalArgumentException("unknown workload '" + s + "'; known: " + String.join(", ", ALL.keySet()));
            for (String n : hit) if (!names.contains(n)) names.add(n);
        }
        List<Workload> out = new ArrayList<>();
        for (String n : names) out.add(ALL.get(n).get());
        return out;
    }

    /** A new instance of the workload {@code name}. */
    public static Workload create(String name) {
        Supplier<Workload> f = ALL.get(name);
        if (f == null) throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", ALL.keySet()));
        return f.get();
    }
}
