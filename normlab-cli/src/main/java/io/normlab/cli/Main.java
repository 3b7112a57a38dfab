package io.normlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code normlab} command. Each action is a subcommand class listed in {@code subcommands}
 * below; options shared between subcommands live in mixins ({@link RunOptions},
 * {@link DataOptions}, {@link ModelOptions}, {@link OptimizerOptions}) so that a new subcommand
 * (diagnose, study, bench) is one class that declares the mixins it needs.
 */
@Command(name = "normlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Deep networks on the CPU, with exploding and vanishing gradients made visible; normalization at the centre."},
        subcommands = {TrainCommand.class, DiagnoseCommand.class, StudyCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'normlab help <command>' or 'normlab <command> --help' for the options of a command."})
public final class Main {
    /**
     * The kernel-selection logger: its start-up INFO line would precede every command's output, so
     * it is raised to WARNING and the commands print the active kernels themselves. Held in a field
     * because java.util.logging keeps loggers only weakly.
     */
    private static final Logger BACKEND_LOG = Logger.getLogger("io.normlab.tensor.Backend");

    /** The command line with NormLab's error handling; used by {@link #main} and by tests. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler());
    }

    public static void main(String[] args) {
        BACKEND_LOG.setLevel(Level.WARNING);
        System.exit(newCommandLine().execute(args));
    }
}
