package org.iommuc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    private static String root() {
        return System.getProperty("iommuc.root", "..");
    }

    @Test
    void cleanExamplesPrintNothingAndExitZero() {
        CliRun run = CliRun.of("check", root() + "/examples/rockchip-v1.iommu", root() + "/examples/rockchip-v2.iommu");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void brokenFileGivesLocatedDiagnosticWithCaretAndExitOne() throws IOException {
        Path file = dir.resolve("broken.iommu");
        Files.writeString(file, "iommu x {\n    iova 32;\n    oa 32\n}\n");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":3:10: error[E0001]: expected ';' before '}'\n")
                .contains("    3 |     oa 32\n      |          ^\n")
                .endsWith("iommuc: 1 error; stopped after reading and parsing\n");
    }

    @Test
    void missingFileIsAnErrorNotATrace() {
        CliRun run = CliRun.of("check", dir.resolve("nope.iommu").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nope.iommu: error[E0003]: cannot read this file: no such file")
                .doesNotContain("Exception");
    }

    @Test
    void directoryIsAnErrorNotATrace() {
        CliRun run = CliRun.of("check", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[E0003]").contains("directory");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("check").exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.of("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("iommuc: ").contains("usage:");
        assertThat(CliRun.of("check", "--no-such-option", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(CliRun.of("--help").exitCode()).isZero();
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("iommuc ");
    }
}
