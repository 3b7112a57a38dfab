package io.normlab.cli;

import picocli.CommandLine.Command;

/** {@code normlab study}: the reproducible checks of the seed article's claims ({@code list}, {@code run}). */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Reproducible studies of what normalization does to gradients and training, one per claim of the article."},
        subcommands = {StudyListCommand.class, StudyRunCommand.class},
        footer = {"", "Example: normlab study run all --quick   (writes ./normlab-report/index.html)"})
final class StudyCommand {
}
