package io.normlab.cli;

import io.normlab.data.Batch;
import io.normlab.data.BundledData;
import io.normlab.diagnostics.Advice;
import io.normlab.diagnostics.Advisor;
import io.normlab.diagnostics.DiagnosticReport;
import io.normlab.diagnostics.Diagnoser;
import io.normlab.diagnostics.Diagnosis;
import io.normlab.diagnostics.InputStats;
import io.normlab.io.AtomicFile;
import io.normlab.models.MlpSpec;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import io.normlab.train.Checkpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code normlab diagnose}: builds an MLP from flags (or loads its weights), runs one forward and
 * one backward of the mean cross-entropy per seed at initialization, and prints the gradient-flow
 * report ({@link DiagnosticReport}): per-layer table, first/last ratios over seeds, verdicts, advice.
 * Several batch sizes give one report each and a sweep table ({@link BatchSweep}).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnose gradient flow at initialization: one forward and backward per seed, per-layer statistics, "
                + "first/last gradient ratios over seeds, verdicts (vanishing, exploding, saturated, dead, non-finite) and advice."},
        footer = {"", "Examples (WORKLOADS.md, section D):",
            "  normlab diagnose --depth 20 --width 256 --activation sigmoid",
            "  normlab diagnose --depth 20 --width 256 --activation sigmoid --norm batch",
            "  normlab diagnose --depth 50 --width 256 --activation identity \\",
            "      --init scaled-normal --gain 1.5 --zero-bias",
            "  normlab diagnose --depth 50 --width 256 --activation identity \\",
            "      --init scaled-normal --gain 1.5 --zero-bias --norm batch \\",
            "      --batch-size 128,8,4   (a sweep; --activation relu for the ReLU variant)"})
final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--inputs", paramLabel = "N", description = "Input features (default: 64 for random data, else the data set's).")
    Integer inputs;

    @Option(names = "--classes", paramLabel = "C", description = "Output classes (default: 10 for random data, else the data set's).")
    Integer classes;

    @Mixin ModelOptions model;

    @Option(names = "--batch-size", split = ",", defaultValue = "128", paramLabel = "B[,B...]", hideParamSyntax = true,
            description = "Samples per batch; several values give a batch-size sweep (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--data", defaultValue = DiagnoseInput.RANDOM, paramLabel = "NAME",
            description = "random (N(0, 1) inputs, random labels) or a bundled data set: digits, breast-cancer, wine (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Bundled data: standardize each feature with the set's mean and std (default: on).")
    boolean standardize;

    @Option(names = "--seeds", paramLabel = "N", description = "Diagnose seeds 0..N-1; a seed sets the weights, the batch and the labels (default: 10).")
    Integer seeds;

    @Option(names = "--seed-list", split = ",", paramLabel = "S[,S...]", hideParamSyntax = true, description = "Diagnose exactly these seeds (instead of --seeds).")
    List<Long> seedList;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Load the weights from a .safetensors state dict (PyTorch names: 0.weight, 0.bias, ...) or a NormLab checkpoint into the MLP the flags describe.")
    Path modelFile;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of printing it.")
    Path out;

    @Mixin ThreadOptions threads;

    @Override
    public Integer call() {
        if (model.arch != Architecture.mlp) {
            throw new ParameterException(spec.commandLine(), "diagnose builds MLPs (--arch mlp); got --arch " + model.arch);
        }
        List<Long> seedValues = seeds();
        DiagnoseInput input = input();
        for (int b : batchSizes) {
            if (b < 1 || (input.size() > 0 && b > input.size())) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--batch-size': expected 1.." + (input.size() > 0 ? input.size() : "") + " but was " + b);
            }
        }
        MlpSpec mlp = model.spec(input.inputs, input.classes);
        int nThreads = threads.apply();
        Map<String, Tensor> weights = modelFile == null ? null : Checkpoint.readModelState(modelFile);

        List<BatchSweep.Entry> entries = new ArrayList<>();
        for (int b : batchSizes) entries.add(new BatchSweep.Entry(b, diagnose(mlp, input, b, seedValues, weights, nThreads)));
        String text = entries.size() == 1
                ? (json ? entries.get(0).report().toJson() + "\n" : entries.get(0).report().toText())
                : (json ? BatchSweep.toJson(entries, mlp) : BatchSweep.toText(entries, mlp));
        PrintWriter w = spec.commandLine().getOut();
        if (out == null) w.print(text);
        else {
            AtomicFile.writeString(out, text, "diagnosis");
            w.println("diagnosis written to " + out + " (" + BatchSweep.verdicts(entries) + ")");
        }
        w.flush();
        return 0;
    }

    private DiagnosticReport diagnose(MlpSpec mlp, DiagnoseInput input, int batch, List<Long> seedValues, Map<String, Tensor> weights, int nThreads) {
        List<DiagnosticReport.Run> runs = new ArrayList<>();
        List<Sequential> nets = new ArrayList<>();
        List<Tensor> xs = new ArrayList<>();
        for (long seed : seedValues) {
            Rng rng = new Rng(seed);
            Sequential net = mlp.build(rng.fork());
            if (weights != null) load(net, weights, mlp);
            Batch b = input.batch(batch, rng);
            runs.add(new DiagnosticReport.Run(seed, List.of(Diagnoser.probe(net, b.x(), b.y()))));
            nets.add(net);
            xs.add(b.x());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("model", mlp.toString());
        config.put("weights", weights == null ? "initialized per seed" : "loaded from " + modelFile);
        config.put("data", input.describe());
        config.put("batch size", Integer.toString(batch));
        config.put("pass", "one forward and backward of the mean cross-entropy per seed, training mode");
        config.put("threads", Integer.toString(nThreads));
        // advice from a seed whose verdict is the majority's
        DiagnosticReport plain = new DiagnosticReport(config, runs, List.of());
        int k = 0;
        while (runs.get(k).last().verdict() != plain.verdict()) k++;
        Diagnosis d = runs.get(k).last();
        List<Advice> advice = Advisor.advise(nets.get(k), new Advisor.Context(batch, InputStats.of(xs.get(k))), d);
        return new DiagnosticReport(config, runs, advice);
    }

    private void load(Sequential net, Map<String, Tensor> weights, MlpSpec mlp) {
        try {
            net.loadStateDict(weights);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + modelFile + " does not fit " + mlp + ": " + e.getMessage(), e);
        }
    }

    private List<Long> seeds() {
        if (seedList != null) {
            if (seeds != null) throw new ParameterException(spec.commandLine(), "--seeds and --seed-list are alternatives: give one of them");
            return List.copyOf(seedList);
        }
        int n = seeds == null ? 10 : seeds;
        if (n < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--seeds': expected an integer >= 1 but was " + n);
        return LongStream.range(0, n).boxed().toList();
    }

    private DiagnoseInput input() {
        if (data.equals(DiagnoseInput.RANDOM)) {
            int in = inputs == null ? 64 : inputs, c = classes == null ? 10 : classes;
            if (in < 1 || c < 1) throw new ParameterException(spec.commandLine(), "--inputs and --classes must be >= 1, got " + in + " and " + c);
            return DiagnoseInput.random(in, c);
        }
        if (!BundledData.NAMES.contains(data)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--data': expected random or one of " + BundledData.NAMES + " but was '" + data + "'");
        }
        DiagnoseInput in = DiagnoseInput.bundled(data, standardize);
        if ((inputs != null && inputs != in.inputs) || (classes != null && classes != in.classes)) {
            throw new ParameterException(spec.commandLine(), "--data " + data + " has " + in.inputs + " inputs and " + in.classes
                    + " classes; drop --inputs/--classes or give those values");
        }
        return in;
    }
}
