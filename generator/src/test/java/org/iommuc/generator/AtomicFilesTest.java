package org.iommuc.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replacement either happens whole or not at all. The failing step is injected, so this also
 * holds when tests run as root (where a read-only directory does not stop writes).
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }

    @Test
    void replacesTheContent() throws IOException {
        Path file = Files.writeString(dir.resolve("a.iommu"), "old");
        new AtomicFiles().replace(file, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(names()).containsExactly("a.iommu");
    }

    @Test
    void aFailedMoveLeavesTheOriginalAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a.iommu"), "old");
        Path[] temporary = new Path[1];
        AtomicFiles failing = new AtomicFiles((from, to) -> {
            temporary[0] = from;
            assertThat(Files.readString(from)).as("the new content is complete before the move").isEqualTo("new");
            throw new AccessDeniedException(to.toString());
        });
        assertThatThrownBy(() -> failing.replace(file, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(temporary[0].getParent()).as("temporary file in the same directory").isEqualTo(file.toRealPath().getParent());
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names()).containsExactly("a.iommu");
    }

    @Test
    void aFileWithTwoHardLinksIsRewrittenInPlaceSoBothLinksSeeTheNewContent() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"), "needs unix:nlink");
        Path file = Files.writeString(dir.resolve("a.iommu"), "old content, longer than the new");
        Path link = Files.createLink(dir.resolve("b.iommu"), file);
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(file, permissions);
        Object inode = Files.getAttribute(file, "unix:ino");
        new AtomicFiles().replace(file, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(Files.readString(link)).isEqualTo("new");
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        assertThat(Files.getAttribute(file, "unix:nlink")).isEqualTo(2);
        assertThat(Files.getPosixFilePermissions(link)).isEqualTo(permissions);
        assertThat(names()).containsExactly("a.iommu", "b.iommu");
    }

    @Test
    void aMissingFileIsNotCreated() {
        Path file = dir.resolve("missing.iommu");
        assertThatThrownBy(() -> new AtomicFiles().replace(file, new byte[0])).isInstanceOf(IOException.class);
        assertThat(Files.exists(file)).isFalse();
    }
}
