package io.normlab.cli;

import io.normlab.report.ReportWriter;
import io.normlab.study.StudyConfig;
import io.normlab.study.Studies;
import io.normlab.study.Study;
import io.normlab.study.StudyResult;
import io.normlab.tensor.Backend;
import io.normlab.tensor.Parallel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code normlab study run ID... | all}: runs studies, writes each one's results as soon as it
 * finishes (so Ctrl-C keeps the finished ones) and the HTML report, and prints the verdicts.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run studies (or 'all') and write the report: index.html with charts, JSON and CSV of every number."},
        footer = {"", "Examples:", "  normlab study run all --quick", "  normlab study run small-batch --full --out my-report", "",
                "Studies: all, " + "vanishing, exploding, speed, small-batch, recurrent, initialization, placement, inputs, hybrids"})
final class StudyRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "STUDY", description = "Study ids (see 'normlab study list'), or all.")
    List<String> ids;

    static final class ModeOption {
        @Option(names = "--quick", description = "Quick mode (the default): all studies within about 5 minutes on 2 cores.")
        boolean quick;

        @Option(names = "--full", description = "Full mode: more seeds and steps (within an hour for all studies).")
        boolean full;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModeOption mode;

    @Option(names = "--out", defaultValue = "normlab-report", paramLabel = "DIR",
            description = "Report directory (default: ${DEFAULT-VALUE}); results of other studies already there are kept.")
    Path out;

    @Option(names = "--seeds", split = ",", paramLabel = "N,N,...", description = "Seeds, the same for every arm (default: 1,2,3 quick, 1..5 full).")
    List<Long> seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Training runs at once, and kernel threads (default: the number of processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Progress bars when standard error is a terminal (default: on).")
    boolean progress;

    @Override
    public Integer call() {
        List<Study> studies;
        try {
            studies = Studies.select(ids);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + n);
        StudyConfig.Mode m = mode != null && mode.full ? StudyConfig.Mode.FULL : StudyConfig.Mode.QUICK;
        StudyConfig config;
        try {
            config = seeds == null ? StudyConfig.defaults(m, n) : new StudyConfig(m, seeds, n);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        System.setProperty("java.awt.headless", "true");
        Parallel.setThreads(n);
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ReportWriter report = new ReportWriter(out, Studies.ids());
        for (String problem : report.loadExisting()) err.println("normlab study run: note: skipping an earlier result: " + problem);
        o.printf("%d stud%s, %s mode, seeds %s, %d thread%s, %s; report: %s%n", studies.size(), studies.size() == 1 ? "y" : "ies",
                m.label(), config.seeds(), n, n == 1 ? "" : "s", Backend.describe(), report.index().toAbsolutePath());
        o.flush();
        boolean terminal = progress && System.console() != null;
        long start = System.nanoTime();
        List<StudyResult> done = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            Study s = studies.get(i);
            StudyResult r;
            try (ProgressBars bars = new ProgressBars(terminal, err, "[" + (i + 1) + "/" + studies.size() + "] ")) {
                r = s.run(config, bars);
            }
            report.write(r);
            done.add(r);
            o.printf(Locale.ROOT, "[%d/%d] %-15s %-13s %6.1f s  %s%n", i + 1, studies.size(), s.id(), r.verdict().label(),
                    r.provenance().seconds(), r.headline());
            o.flush();
        }
        o.printf(Locale.ROOT, "done in %.1f s; open %s%n", (System.nanoTime() - start) / 1e9, report.index().toAbsolutePath().toUri());
        o.flush();
        return 0;
    }
}
