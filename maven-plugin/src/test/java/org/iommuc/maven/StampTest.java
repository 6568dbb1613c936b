package org.iommuc.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iommuc.generator.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp: its text, what it finds changed, and that a damaged one means "generate again". */
class StampTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrites() {
        Stamp stamp = new Stamp("1.0 abc", "package=p", List.of("a.iommu"), List.of(new Stamp.Item("a.iommu", "f1")),
                List.of(new Stamp.Item("p/A.java", "f2")));
        assertThat(stamp.text()).startsWith(GeneratedFile.MARKER);
        assertThat(Stamp.parse(stamp.text())).contains(stamp);
    }

    @Test
    void aDamagedStampIsNone() {
        assertThat(Stamp.parse("")).isEmpty();
        assertThat(Stamp.parse(Stamp.HEADER + "\ncode\tx\n")).as("no options").isEmpty();
        assertThat(Stamp.parse(Stamp.HEADER + "\ncode\tx\noptions\ty\nsomething\tz\n")).isEmpty();
        assertThat(Stamp.read(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void saysWhatChanged() throws IOException {
        Files.writeString(dir.resolve("a.iommu"), "one");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/A.java"), "gen");
        Stamp stamp = new Stamp("v1", "package=p", List.of("a.iommu"),
                List.of(new Stamp.Item("a.iommu", Fingerprints.ofFile(dir.resolve("a.iommu")))),
                List.of(new Stamp.Item("A.java", Fingerprints.ofFile(dir.resolve("out/A.java")))));
        Path out = dir.resolve("out");
        assertThat(stamp.staleness("v1", "package=p", List.of("a.iommu"), dir, out)).isNull();
        assertThat(stamp.staleness("v2", "package=p", List.of("a.iommu"), dir, out)).isEqualTo("iommuc changed");
        assertThat(stamp.staleness("v1", "package=q", List.of("a.iommu"), dir, out)).isEqualTo("the options changed");
        assertThat(stamp.staleness("v1", "package=p", List.of("a.iommu", "b.iommu"), dir, out)).isEqualTo("b.iommu is new");
        assertThat(stamp.staleness("v1", "package=p", List.of(), dir, out)).isEqualTo("a.iommu is gone");
        Files.writeString(dir.resolve("out/A.java"), "edited");
        assertThat(stamp.staleness("v1", "package=p", List.of("a.iommu"), dir, out))
                .isEqualTo("generated file A.java was changed or removed");
        Files.writeString(dir.resolve("a.iommu"), "two");
        assertThat(stamp.staleness("v1", "package=p", List.of("a.iommu"), dir, out)).isEqualTo("a.iommu changed");
    }

    @Test
    void eachExecutionHasItsOwnStamp() {
        assertThat(Stamp.fileName("default")).isEqualTo(".iommuc-default.stamp");
        assertThat(Stamp.fileName("models/a b")).isEqualTo(".iommuc-models_a_b.stamp");
        assertThat(Stamp.fileName(null)).isEqualTo(".iommuc-default.stamp");
    }

    @Test
    void theCodeFingerprintFollowsTheCode() {
        assertThat(Fingerprints.ofCode(StampTest.class)).isEqualTo(Fingerprints.ofCode(StampTest.class))
                .isNotEqualTo(Fingerprints.ofCode(Stamp.class));
    }
}
