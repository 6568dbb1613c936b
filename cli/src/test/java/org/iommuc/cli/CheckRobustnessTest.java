package org.iommuc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code iommuc check} on broken files: exit code 1 and diagnostics, never an exception or a
 * stack trace. Seeded like the front end's fuzz test: {@code -Dfuzz.seed} sets the first seed,
 * and {@code -Dfuzz.count} divided by 200 is the number of random cases.
 */
class CheckRobustnessTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_260_101L);
    static final int CASES = Math.max(1, Integer.getInteger("fuzz.count", 20_000) / 200);

    /** Byte sequences that are never valid UTF-8, wherever they stand. */
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).mapToObj(i -> SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void brokenFileGivesDiagnosticsAndExitCodeOne(long seed, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.iommu");
        String how = writeBroken(new Random(seed), file);

        Result result = check(file.toString());

        String what = "seed " + seed + " (" + how + ")";
        assertThat(result.exitCode()).as("exit code for %s:%n%s", what, result.output()).isEqualTo(Main.ERRORS);
        assertDiagnosticsOnly(result, what);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing file", "directory", "empty file", "self include", "missing include",
        "include of a directory", "NUL in an include path"})
    void unreadableOrEmptyInputGivesDiagnosticsAndExitCodeOne(String kind, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("input.iommu");
        switch (kind) {
            case "missing file" -> { }
            case "directory" -> Files.createDirectory(file);
            case "empty file" -> Files.writeString(file, "");
            case "self include" -> Files.writeString(file, "include \"input.iommu\";\niommu x { }\n");
            case "missing include" -> Files.writeString(file, "include \"nope.iommu\";\niommu x { }\n");
            case "include of a directory" -> Files.writeString(file, "include \".\";\niommu x { }\n");
            default -> Files.writeString(file, "include \"a\u0000b.iommu\";\niommu x { }\n");
        }

        Result result = check(file.toString());

        assertThat(result.exitCode()).as("exit code for %s:%n%s", kind, result.output()).isEqualTo(Main.ERRORS);
        assertDiagnosticsOnly(result, kind);
    }

    // ---------------------------------------------------------------------------------------

    private record Result(int exitCode, String output) {}

    private static Result check(String file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", file}, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out + "\n" + err);
    }

    private static void assertDiagnosticsOnly(Result result, String what) {
        assertThat(result.output()).as("output for %s", what).contains("error[")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    /** Writes a file that is certainly broken; returns how it was made. */
    private static String writeBroken(Random random, Path file) throws IOException {
        String example = example(random);
        switch (random.nextInt(5)) {
            case 0 -> {
                Files.write(file, randomBytes(random, random.nextInt(4096)));
                return "random bytes";
            }
            case 1 -> {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(2000); i > 0; i--) {
                    text.append((char) (0x20 + random.nextInt(0x5f)));
                }
                Files.writeString(file, text);
                return "random printable text";
            }
            case 2 -> {
                Files.writeString(file, example.substring(0, random.nextInt(example.lastIndexOf('}'))));
                return "truncated example";
            }
            case 3 -> {
                byte[] bytes = example.substring(0, example.lastIndexOf('}')).getBytes(StandardCharsets.UTF_8);
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                Files.write(file, bytes);
                return "example with flipped bits and no closing brace";
            }
            default -> {
                byte[] bytes = example.getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(bytes.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.write(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
                out.write(bytes, at, bytes.length - at);
                Files.write(file, out.toByteArray());
                return "example with invalid UTF-8 at byte " + at;
            }
        }
    }

    private static String example(Random random) throws IOException {
        Path root = Path.of(System.getProperty("iommuc.root", ".."));
        String name = random.nextBoolean() ? "rockchip-v1.iommu" : "rockchip-v2.iommu";
        return Files.readString(root.resolve("examples").resolve(name), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
