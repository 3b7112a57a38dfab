package io.normlab.report;

import io.normlab.study.Chart;
import io.normlab.study.Check;
import io.normlab.study.Claim;
import io.normlab.study.Effect;
import io.normlab.study.HeatMap;
import io.normlab.study.Literature;
import io.normlab.study.Provenance;
import io.normlab.study.Series;
import io.normlab.study.StudyResult;
import io.normlab.study.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, complete study result with every kind of chart, for report tests. */
final class Fixtures {
    private Fixtures() {}

    static StudyResult result(String id, Verdict verdict) {
        double[] layers = {1, 2, 3, 4, 5};
        Series plain = new Series("no norm", layers, new double[] {1e-6, 1e-4, 1e-3, 1e-2, 1}, new double[] {5e-7, 5e-5, 5e-4, 5e-3, 1},
                new double[] {2e-6, 2e-4, 2e-3, 2e-2, 1});
        Series bn = Series.line("BatchNorm", layers, new double[] {0.9, 0.95, 1, 1, 1});
        Chart profile = Chart.lines("profile", "||dL/dh_l|| by layer", "A falling line is a vanishing gradient.",
                Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dh_l||"), List.of(plain, bn));
        double[] steps = {0, 10, 20};
        double[][] z = new double[5][3];
        for (int l = 0; l < 5; l++) for (int j = 0; j < 3; j++) z[l][j] = l - 4 + 0.1 * j;
        z[0][0] = Double.NaN;
        Chart heat = Chart.heat("heat", "log10 ||dL/dh_l|| by layer and step", "Dark rows: vanishing.",
                Chart.Axis.linear("step"), Chart.Axis.linear("hidden layer l"), new HeatMap(steps, layers, z, "log10 ||dL/dh||"));
        Effect ratio = Effect.of("ratio", "first/last gradient ratio", "", new double[] {1e-6, 2e-6, Double.NaN});
        Effect acc = Effect.of("accuracy", "validation accuracy, with a comma", "%", new double[] {0.9, 0.91, 0.93});
        Map<String, String> config = new LinkedHashMap<>();
        config.put("depth", "5");
        config.put("optimizer", "SGD lr 0.01 <momentum> & more");
        return new StudyResult(id, "Fixture study " + id, new Claim("Normalization fixes \"everything\".", "test fixture"),
                List.of(new Literature("Doe 2020", "99% on everything")), "A fixture.", config, List.of(ratio, acc),
                List.of(Check.required("ratio below 0.01", true, "1e-6"), Check.qualifier("a qualifier", verdict == Verdict.NUANCED, "n/a")),
                verdict, "ratio 1e-6, accuracy 91%", "Because the fixture says so.", List.of("Doe 2020"), List.of(profile, heat),
                new Provenance("test", "17", "plain", 1, 2, "2026-01-01T00:00:00Z", "quick", List.of(1L, 2L, 3L), 1.5));
    }
}
