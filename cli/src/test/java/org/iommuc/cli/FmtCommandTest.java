package org.iommuc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iommuc fmt}: in place, {@code --check}, standard input, and never a damaged file. */
class FmtCommandTest {

    private static final String MESSY = "// note\niommu x{iova 32;   // input bits\n  oa 32;}\n";
    private static final String CANONICAL = "// note\niommu x {\n    iova 32;  // input bits\n    oa 32;\n}\n";
    private static final String BROKEN = "iommu x {\n    iova 32\n}\n";

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static Run runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path root() {
        String property = System.getProperty("iommuc.root");
        Path dir = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        while (property == null && dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        return dir.toAbsolutePath().normalize();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void keepsHardLinksTogether() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"), "needs unix:nlink");
        Path file = write("x.iommu", MESSY);
        Path link = Files.createLink(dir.resolve("y.iommu"), file);
        Run run = run("fmt", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
        assertThat(Files.readString(link)).as("the other hard link").isEqualTo(CANONICAL);
        assertThat(Files.getAttribute(file, "unix:nlink")).isEqualTo(2);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void rewritesFilesInPlaceQuietly() throws IOException {
        Path file = write("x.iommu", MESSY);
        Run run = run("fmt", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void keepsPermissionsOfARewrittenFile() throws IOException {
        Path file = write("x.iommu", MESSY);
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX permissions");
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, permissions);
        assertThat(run("fmt", file.toString()).status()).isZero();
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
    }

    @Test
    void leavesACanonicalFileUntouched() throws IOException {
        Path file = write("x.iommu", CANONICAL);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        Run run = run("fmt", file.toString());
        assertThat(run.status()).isZero();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void rewritesTheTargetOfASymbolicLinkAndKeepsTheLink() throws IOException {
        Path target = write("real.iommu", MESSY);
        Path link = Files.createSymbolicLink(dir.resolve("link.iommu"), target.getFileName());
        assertThat(run("fmt", link.toString()).status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(CANONICAL);
    }

    @Test
    void checkListsFilesThatWouldChangeAndWritesNothing() throws IOException {
        Path messy = write("messy.iommu", MESSY);
        Path clean = write("clean.iommu", CANONICAL);
        Run run = run("fmt", "--check", messy.toString(), clean.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.out()).isEqualTo(messy + ": would reformat\n");
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(messy)).isEqualTo(MESSY);
    }

    @Test
    void checkOfCanonicalFilesIsSilentAndExitsZero() throws IOException {
        Path clean = write("clean.iommu", CANONICAL);
        Run run = run("fmt", "--check", clean.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkSeesLineEndingsAndAByteOrderMark() throws IOException {
        Path crlf = write("crlf.iommu", CANONICAL.replace("\n", "\r\n"));
        Path bom = write("bom.iommu", "\uFEFF" + CANONICAL);
        Run run = run("fmt", "--check", crlf.toString(), bom.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.out()).isEqualTo(crlf + ": would reformat\n" + bom + ": would reformat\n");
        assertThat(run("fmt", crlf.toString(), bom.toString()).status()).isZero();
        assertThat(Files.readString(crlf)).isEqualTo(CANONICAL);
        assertThat(Files.readString(bom)).isEqualTo(CANONICAL);
    }

    @Test
    void theBundledExamplesAreCanonical() throws IOException {
        List<String> args = new ArrayList<>(List.of("fmt", "--check"));
        try (Stream<Path> files = Files.list(root().resolve("examples"))) {
            files.filter(p -> p.toString().endsWith(".iommu")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertThat(args).hasSizeGreaterThan(3);
        Run run = run(args.toArray(String[]::new));
        assertThat(run.out()).as("examples that are not canonical (run ./iommuc fmt examples/*.iommu)").isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
    }

    @Test
    void aFileWithASyntaxErrorIsLeftAloneAndItsErrorsPrinted() throws IOException {
        Path broken = write("broken.iommu", BROKEN);
        Path messy = write("messy.iommu", MESSY);
        Run run = run("fmt", broken.toString(), messy.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.err()).isEqualTo(broken + ":2:12: error[E0001]: expected ';' before '}'\n"
                + "    2 |     iova 32\n"
                + "      |            ^\n"
                + "iommuc: '" + broken + "' not formatted (1 error)\n");
        assertThat(Files.readString(broken)).isEqualTo(BROKEN);
        assertThat(Files.readString(messy)).as("the other file is still formatted").isEqualTo(CANONICAL);
    }

    @Test
    void checkReportsSyntaxErrorsToo() throws IOException {
        Path broken = write("broken.iommu", BROKEN);
        Run run = run("fmt", "--check", broken.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error[E0001]");
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = dir.resolve("missing.iommu");
        Run run = run("fmt", missing.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.err()).isEqualTo(missing + ": error[E0003]: cannot read '" + missing + "': no such file\n");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aDirectoryIsAnError() {
        Run run = run("fmt", dir.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.err()).contains("error[E0003]", "it is a directory");
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAndTheFileIsLeftAlone() throws IOException {
        Path file = dir.resolve("latin1.iommu");
        byte[] bytes = "iommu x { iova 32; } // caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        Run run = run("fmt", file.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.err()).contains("error[E0002]", "not formatted");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void standardInputGoesToStandardOutput() {
        Run run = runWithStdin(MESSY, "fmt", "-");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(CANONICAL);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void standardInputWithASyntaxErrorPrintsNothingToStandardOutput() {
        Run run = runWithStdin(BROKEN, "fmt", "-");
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("<stdin>:2:12: error[E0001]:");
    }

    @Test
    void checkOfStandardInput() {
        assertThat(runWithStdin(MESSY, "fmt", "--check", "-").out()).isEqualTo("<stdin>: would reformat\n");
        assertThat(runWithStdin(MESSY, "fmt", "--check", "-").status()).isEqualTo(Main.ERRORS);
        Run clean = runWithStdin(CANONICAL, "fmt", "--check", "-");
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path file = write("x.iommu", MESSY);
        Run none = run("fmt");
        assertThat(none.status()).isEqualTo(Main.USAGE);
        assertThat(none.err()).contains("usage: iommuc fmt");
        Run mixed = run("fmt", "-", file.toString());
        assertThat(mixed.status()).isEqualTo(Main.USAGE);
        assertThat(mixed.err()).contains("'-' (standard input) cannot be combined with files");
        assertThat(run("fmt", "--chek", file.toString()).status()).isEqualTo(Main.USAGE);
        assertThat(Files.readString(file)).isEqualTo(MESSY);
    }

    @Test
    void helpDescribesTheCommand() {
        Run run = run("fmt", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: iommuc fmt", "--check", "standard input");
    }

    /**
     * A rewrite that fails changes nothing and leaves no temporary file behind. The failure is
     * made so that it happens whoever runs the test (root may write to a read-only directory):
     * the file's name is so long that the temporary file's, a few characters longer, is over
     * the file system's limit of 255.
     */
    @Test
    void aFailedWriteChangesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("a".repeat(240) + ".iommu"), MESSY);
        Run run = run("fmt", file.toString());
        assertThat(run.status()).isEqualTo(Main.ERRORS);
        assertThat(run.err()).isEqualTo("iommuc: cannot write '" + file + "': file name too long; nothing was changed\n");
        assertThat(Files.readString(file)).isEqualTo(MESSY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void fileErrorsAreSaidInWords() {
        assertThat(FmtCommand.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FmtCommand.reason(new java.nio.file.NoSuchFileException("/x"))).isEqualTo("no such file (/x)");
        assertThat(FmtCommand.reason(new java.nio.file.FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("read-only file system");
    }
}
