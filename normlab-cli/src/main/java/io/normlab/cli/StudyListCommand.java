package io.normlab.cli;

import io.normlab.study.Literature;
import io.normlab.study.Studies;
import io.normlab.study.Study;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code normlab study list}: every study with its claim and the papers it is compared with. */
@Command(name = "list", mixinStandardHelpOptions = true, description = {"List the studies with the claim each one tests."})
final class StudyListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Study s : Studies.all()) {
            out.printf("%-15s %s%n", s.id(), s.title());
            out.println(wrap("claim: \"" + s.claim().quote() + "\" (" + s.claim().source() + ")", 16));
            StringBuilder papers = new StringBuilder();
            for (Literature l : s.literature()) papers.append(papers.length() == 0 ? "" : "; ").append(l.paper());
            out.println(wrap("compared with: " + papers, 16));
            out.println();
        }
        out.println("Run one with 'normlab study run ID', all with 'normlab study run all --quick'.");
        out.flush();
        return 0;
    }

    /** Word-wraps {@code text} at 100 columns with {@code indent} spaces. */
    static String wrap(String text, int indent) {
        StringBuilder sb = new StringBuilder(" ".repeat(indent));
        int col = indent;
        for (String w : text.split(" ")) {
            if (col + w.length() > 100 && col > indent) {
                sb.append('\n').append(" ".repeat(indent));
                col = indent;
            }
            sb.append(w).append(' ');
            col += w.length() + 1;
        }
        return sb.toString().stripTrailing();
    }
}
