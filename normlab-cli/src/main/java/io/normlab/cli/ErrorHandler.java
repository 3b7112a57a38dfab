package io.normlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown while a command runs (bad data file, diverged training, ...) into one
 * line on stderr naming the command, and exit code 1. Stack traces are shown only when the
 * environment variable {@code NORMLAB_DEBUG} is set. Bad flags never get here: picocli reports them
 * with the usage and exit code 2.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + message);
        if (System.getenv("NORMLAB_DEBUG") != null) e.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return EXIT_FAILURE;
    }
}
