package org.iommuc.generator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file's content all at once, for the formatter's rewrites and the generators' output:
 * the new content goes to a temporary file in the same directory, takes the old file's
 * permissions ({@code rw-r--r--} for a new file), reaches the disk, and is then moved over the
 * old file atomically. On any failure the old file is untouched and the temporary file removed.
 * A symbolic link is followed: the file it points at is replaced, the link stays.
 *
 * <p>{@link #replace} makes one exception: a file with more than one hard link (where the file
 * system reports {@code unix:nlink}) is rewritten in place, truncated and written through its
 * existing inode, so every link sees the new content and the file keeps its permissions and
 * owner. Moving a new file over it would detach the other links, which would keep the old text.
 * The price is atomicity: a reader may see a partly written file, and a failure or crash while
 * writing leaves it truncated or partly written.
 */
public final class AtomicFiles {

    /** The last step, a seam for tests that need it to fail. */
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private final Mover mover;

    public AtomicFiles() {
        this((from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
    }

    public AtomicFiles(Mover mover) {
        this.mover = mover;
    }

    /**
     * Replaces the content of an existing file (a missing file is an error, never created). A file
     * with more than one hard link is rewritten in place, not atomically (see the class comment).
     */
    public void replace(Path file, byte[] content) throws IOException {
        Path target = file.toRealPath();
        if (hardLinks(target) > 1) {
            rewriteInPlace(target, content);
        } else {
            write(target, content);
        }
    }

    /** The number of hard links to a file, or 1 where the file system does not say. */
    private static int hardLinks(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return 1;
        }
        return Files.getAttribute(file, "unix:nlink") instanceof Integer links ? links : 1;
    }

    private static void rewriteInPlace(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(channel, content);
        }
    }

    private static void writeAll(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** Writes a file, creating it or replacing its content. */
    public void write(Path file, byte[] content) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(channel, content);
            }
            copyPermissions(target, temporary);
            mover.move(temporary, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target == null) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        target.setPermissions(Files.exists(from) && source != null ? source.readAttributes().permissions()
                : PosixFilePermissions.fromString("rw-r--r--"));
    }
}
