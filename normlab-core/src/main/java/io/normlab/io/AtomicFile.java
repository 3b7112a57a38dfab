package io.normlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a whole file atomically: the bytes go to a temporary file in the same directory, which
 * is then renamed over the target. A reader (or a run killed mid-write) sees either the previous
 * file or the complete new one, never a torn one. Missing parent directories are created; the
 * file gets the permissions of the one it replaces (rw-r--r-- when new) on POSIX file systems.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes {@code bytes} to {@code path} atomically; {@code what} names the file kind in errors ("checkpoint"). */
    public static void write(Path path, byte[] bytes, String what) {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            readableLikeANewFile(tmp, path);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(bytes);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
            throw new UncheckedIOException("cannot write " + what + " " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files are created owner-only (rw-------); the result should carry the permissions
     * of the file it replaces, or rw-r--r-- (a new file under the usual umask 022).
     */
    private static void readableLikeANewFile(Path tmp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException notPosix) {
            // other file systems keep their defaults
        }
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeString(Path path, String text, String what) {
        write(path, text.getBytes(StandardCharsets.UTF_8), what);
    }
}
