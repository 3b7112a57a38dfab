package io.normlab.cli;

/** Entry point of the {@code normlab} command (placeholder until the CLI lands). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("normlab: no commands yet");
    }
}
