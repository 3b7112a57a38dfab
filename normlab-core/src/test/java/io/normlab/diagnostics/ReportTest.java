package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.io.Json;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.tensor.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static DiagnosticReport vanishingReport(long... seeds) {
        List<DiagnosticReport.Run> runs = new ArrayList<>();
        Sequential net = null;
        for (long seed : seeds) {
            net = Nets.mlp(16, 8, 16, 4, null, Sigmoid::new, new Rng(seed));
            runs.add(new DiagnosticReport.Run(seed, List.of(Nets.diagnoseOnce(net, 16, 32, 4, seed + 1000))));
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("model", "mlp in=16 depth=8 width=16 classes=4 activation=sigmoid \"quoted\"");
        config.put("batch", "32");
        List<Advice> advice = Advisor.advise(net, Advisor.Context.none().withBatchSize(32), runs.get(0).last());
        return new DiagnosticReport(config, runs, advice);
    }

    @Test
    void spreadIsMedianMinMaxWithoutNaN() {
        Spread s = Spread.of(3, Double.NaN, 1, 10, 2);
        assertEquals(2.5, s.median(), 0);
        assertEquals(1, s.min(), 0);
        assertEquals(10, s.max(), 0);
        assertEquals(4, s.count());
        assertTrue(Double.isNaN(Spread.of(Double.NaN).median()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonParsesAndCarriesEverything() {
        DiagnosticReport r = vanishingReport(1, 2, 3);
        Map<String, Object> root = (Map<String, Object>) Json.parse(r.toJson());
        assertEquals(List.of(1L, 2L, 3L), root.get("seeds"));
        Map<String, Object> config = (Map<String, Object>) root.get("config");
        assertEquals("mlp in=16 depth=8 width=16 classes=4 activation=sigmoid \"quoted\"", config.get("model"));
        Map<String, Object> summary = (Map<String, Object>) root.get("summary");
        assertEquals("VANISHING", summary.get("verdict"));
        Map<String, Object> ratio = (Map<String, Object>) summary.get("actGradRatio");
        assertEquals(r.actGradRatio().median(), ((Number) ratio.get("median")).doubleValue(), 0);
        assertEquals(3L, ratio.get("count"));

        List<Object> runs = (List<Object>) root.get("runs");
        assertEquals(3, runs.size());
        Map<String, Object> step = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) runs.get(0)).get("steps")).get(0);
        List<Object> layers = (List<Object>) step.get("layers");
        assertEquals(17, layers.size(), "8 x (Linear, Sigmoid) + head");
        Map<String, Object> linear = (Map<String, Object>) layers.get(0);
        assertEquals("Linear", linear.get("type"));
        assertNull(linear.get("saturatedFraction"), "NaN (not applicable) is written as null");
        assertTrue(linear.containsKey("saturatedFraction"));
        assertEquals(8, ((List<Object>) step.get("hidden")).size());
        assertNull(step.get("nonFinite"));

        List<Object> advice = (List<Object>) root.get("advice");
        assertFalse(advice.isEmpty());
        Map<String, Object> a = (Map<String, Object>) advice.get(0);
        assertEquals("VANISHING_GRADIENT", a.get("finding"));
        assertTrue(((List<Object>) a.get("references")).contains("Ioffe & Szegedy 2015"));
    }

    @Test
    void textHasTheTablesRatiosVerdictAndAdvice() {
        DiagnosticReport r = vanishingReport(4, 5);
        String text = r.toText();
        Diagnosis d = r.runs().get(0).last();
        assertTrue(text.contains("seeds: [4, 5]"), text);
        assertTrue(text.contains("||dL/dy||"), text);
        for (LayerStats s : d.rows()) assertTrue(text.contains("\n  " + String.format("%-14s", s.path()) + " " + s.type()), "row " + s.path());
        assertTrue(text.contains("activation gradient ||dL/dh_1|| / ||dL/dh_L||: " + r.actGradRatio()), text);
        assertTrue(text.contains("Verdict: VANISHING"), text);
        assertTrue(text.contains("  - layers 1-"), text);
        assertTrue(text.contains("put BatchNorm before the activation (Ioffe & Szegedy 2015)"), text);
    }

    @Test
    void aReportNeedsARun() {
        assertThrows(IllegalArgumentException.class, () -> new DiagnosticReport(Map.of(), List.of(), List.of()));
    }
}
