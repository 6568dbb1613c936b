package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled example checks without errors or warnings. */
class ExamplesTest {

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("examples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void checksClean(String name) {
        Path root = TestFiles.root();
        Compilation compilation = Frontend.compile(List.of(root.resolve("examples").resolve(name)), root);
        assertThat(compilation.render()).isEmpty();
        assertThat(compilation.descriptions()).isNotEmpty();
    }
}
