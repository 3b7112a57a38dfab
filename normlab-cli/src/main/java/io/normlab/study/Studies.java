package io.normlab.study;

import java.util.ArrayList;
import java.util.List;

/** The studies of the seed article's claims, in report order, and look-up by id. */
public final class Studies {
    private Studies() {}

    /** All nine, in the order of the report. */
    public static List<Study> all() {
        return List.of(new VanishingStudy(), new ExplodingStudy(), new SpeedStudy(), new SmallBatchStudy(), new RecurrentStudy(),
                new InitStudy(), new PlacementStudy(), new InputsStudy(), new HybridStudy());
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Study s : all()) ids.add(s.id());
        return ids;
    }

    /** The studies named (or all of them for "all"), in report order; unknown ids are an error listing the valid ones. */
    public static List<Study> select(List<String> names) {
        List<Study> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals("all")) return all();
            Study s = all().stream().filter(x -> x.id().equals(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown study '" + n + "'; choose from all, " + String.join(", ", ids())));
            if (out.stream().noneMatch(x -> x.id().equals(s.id()))) out.add(s);
        }
        out.sort((a, b) -> Integer.compare(ids().indexOf(a.id()), ids().indexOf(b.id())));
        return out;
    }
}
