package org.iommuc.dsl.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * A messy file using every construct formats to exactly {@code messy.expected}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected file, then review the diff.
 */
class FormatterGoldenTest {

    private static final Path FOLDER = TestFiles.root().resolve("dsl/src/test/resources/fmt");

    @Test
    void messyInputFormatsToTheGoldenFile() throws IOException {
        String input = Files.readString(FOLDER.resolve("messy.iommu"), StandardCharsets.UTF_8);
        Formatter.Result result = Formatter.format(SourceFile.of("messy.iommu", input));
        assertThat(result.diagnostics()).as("%s", result.render()).isEmpty();
        String actual = result.formatted().orElseThrow();

        Path expected = FOLDER.resolve("messy.expected");
        if (TestFiles.updateGolden() || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("formatted messy.iommu (rewrite with -Dgolden.update=true)")
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void theGoldenFileIsCanonical() throws IOException {
        String expected = Files.readString(FOLDER.resolve("messy.expected"), StandardCharsets.UTF_8);
        Formatter.Result result = Formatter.format(SourceFile.of("messy.expected", expected));
        assertThat(result.formatted()).contains(expected);
        assertThat(result.changed()).isFalse();
    }
}
