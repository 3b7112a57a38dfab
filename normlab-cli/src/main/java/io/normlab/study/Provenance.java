package io.normlab.study;

import io.normlab.tensor.Backend;
import io.normlab.tensor.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/**
 * Where a study result comes from: versions, machine settings, seeds and timing, so a reader can
 * reproduce it ({@code normlab study run ID --seeds ...}).
 *
 * @param normlabVersion project version of the build that ran it
 * @param javaVersion    java.version and vendor of the runtime
 * @param kernels        the tensor kernels in use ({@link Backend#describe()})
 * @param threads        kernel threads ({@link Parallel#threads()}), also the number of runs trained at once
 * @param processors     processors the JVM saw
 * @param date           when the study finished, ISO-8601 UTC
 * @param mode           "quick" or "full"
 * @param seeds          the seeds, the same for every arm
 * @param seconds        wall time of the study
 */
public record Provenance(String normlabVersion, String javaVersion, String kernels, int threads, int processors,
                         String date, String mode, List<Long> seeds, double seconds) {

    /** Provenance of a study that just finished under {@code config} after {@code seconds}. */
    public static Provenance now(StudyConfig config, List<Long> seeds, double seconds) {
        return new Provenance(version(), System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Backend.describe(), Parallel.threads(), Runtime.getRuntime().availableProcessors(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                config.mode().label(), List.copyOf(seeds), seconds);
    }

    /** The NormLab version recorded in the CLI's build resources, or "(unknown version)". */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/io/normlab/cli/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "(unknown version)";
        }
        return p.getProperty("version", "(unknown version)");
    }
}
