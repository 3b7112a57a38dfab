package io.normlab.diagnostics;

import io.normlab.io.AtomicFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Monitor}'s record of a training run as a file, for reports and plots: every recorded
 * step with its per-layer rows ({@link LayerStats}).
 *
 * <p>JSON ({@link #toJson}): {@code {"format": "normlab-monitor-record/1", "config": {...},
 * "steps": [...]}}, each step an object with the step's diagnosis ({@link Diagnoser#diagnose}:
 * verdicts, first/last ratios, growth factor, the first NaN) and its rows under {@code "layers"},
 * in the layout of {@link DiagnosticReport#toJson()}'s steps; NaN and infinities are null.
 * CSV ({@link #toCsv}): a header, then one line per (step, layer) with the {@link LayerStats}
 * fields, an empty field where a value is NaN or infinite. {@link #write} picks the format by the
 * file name's extension and writes atomically ({@link AtomicFile}).
 */
public final class MonitorRecord {
    /** Value of the JSON {@code format} key. */
    public static final String FORMAT = "normlab-monitor-record/1";

    /** The CSV header, one column per {@link LayerStats} field after the step. */
    public static final String CSV_HEADER = "step,layer,type,kind,calls,act_mean,act_std,saturated_fraction,dead_fraction,"
            + "act_grad_norm,weight_norm,weight_grad_norm,update_ratio,non_finite";

    private MonitorRecord() {}

    /** The records as one JSON object; {@code config} describes the run (model, data, optimizer, ...). */
    public static String toJson(Map<String, String> config, List<StepRecord> steps) {
        StringBuilder sb = new StringBuilder("{\"format\":\"" + FORMAT + "\",\"config\":");
        ReportJson.config(config, sb);
        sb.append(",\"steps\":[");
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) sb.append(',');
            ReportJson.diagnosis(Diagnoser.diagnose(steps.get(i)), sb);
        }
        return sb.append("]}\n").toString();
    }

    /** The records as CSV, one line per (step, layer). */
    public static String toCsv(List<StepRecord> steps) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (StepRecord r : steps) {
            for (LayerStats s : r.layers()) {
                sb.append(r.step()).append(',').append(csv(s.displayPath())).append(',').append(csv(s.type())).append(',')
                        .append(s.kind()).append(',').append(s.calls());
                for (double v : new double[] {s.actMean(), s.actStd(), s.saturatedFraction(), s.deadFraction(), s.actGradNorm(),
                        s.weightNorm(), s.weightGradNorm(), s.updateRatio()}) {
                    sb.append(',');
                    if (Double.isFinite(v)) sb.append(v);
                }
                sb.append(',').append(s.nonFinite()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Writes the records to {@code file} atomically: JSON for a {@code .json} name, CSV for
     * {@code .csv}; any other extension throws before anything is written.
     */
    public static void write(Path file, Map<String, String> config, List<StepRecord> steps) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) AtomicFile.writeString(file, toJson(config, steps), "monitor record");
        else if (name.endsWith(".csv")) AtomicFile.writeString(file, toCsv(steps), "monitor record");
        else throw new IllegalArgumentException("monitor record " + file + ": expected a .json or .csv file name");
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
