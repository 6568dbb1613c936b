package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every description in {@code bad/} gives exactly the diagnostics in its {@code .expected} file.
 * A case is named after the code it demonstrates ({@code E0200-overlapping-registers.iommu}):
 * that code must be the first error's (for a warning case, the first diagnostic's). Run with {@code -Dgolden.update=true} to rewrite the
 * baselines, then review the diff.
 */
class BadCorpusTest {

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("bad"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExpectedDiagnostics(String name) throws IOException {
        Path root = TestFiles.root();
        Path file = root.resolve("bad").resolve(name);
        Compilation compilation = Frontend.compile(List.of(file), root);
        String code = name.substring(0, name.indexOf('-'));

        assertThat(compilation.diagnostics()).as("diagnostics of %s", name).isNotEmpty();
        // An error case is about its first error (a warning may come before it); a warning case
        // is about its first diagnostic.
        Diagnostic first = compilation.diagnostics().stream()
                .filter(d -> code.startsWith("W") || d.isError())
                .findFirst().orElseThrow(() -> new AssertionError(name + " gives no error"));
        assertThat(first.code().name()).as("code of the first %s of %s", code.startsWith("W") ? "diagnostic" : "error", name)
                .isEqualTo(code);
        assertThat(first.span().file()).isNotEmpty();

        Path expected = root.resolve("bad").resolve(name.replace(".iommu", ".expected"));
        String actual = compilation.render();
        if (TestFiles.updateGolden() || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("rendered diagnostics of %s (rewrite with -Dgolden.update=true)", name)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
