package org.iommuc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.conformance.TestVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test vector of examples/test-vectors.txt, through the iommuc command line. */
class TestVectorsCliTest {

    static Stream<TestVector> vectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void passesThroughTheCommandLine(TestVector vector) {
        List<String> args = new ArrayList<>();
        args.add(vector.verb());
        args.add(TestFiles.root().resolve("examples").resolve(vector.file()).toString());
        args.addAll(vector.command().subList(1, vector.command().size()));
        if (!vector.verb().equals("encode")) {
            args.add("--json");
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.err()).as("stderr of %s", args).isEmpty();
        assertThat(run.exitCode()).isZero();
        String out = run.out().strip();
        switch (vector.verb()) {
            case "encode" -> assertThat(TestVector.number(out)).as(vector.name())
                    .isEqualTo(TestVector.number(vector.expected()));
            case "decode" -> {
                for (Map.Entry<String, String> e : vector.expectedPairs().entrySet()) {
                    String hex = "0x" + Long.toHexString(TestVector.number(e.getValue())).toUpperCase(java.util.Locale.ROOT);
                    boolean asAddress = out.contains("\"address\":\"" + hex + "\"");
                    boolean asField = java.util.regex.Pattern.compile("\\{\"name\":\"" + e.getKey()
                            + "\",\"bits\":\"[^\"]*\",\"value\":" + Long.toUnsignedString(TestVector.number(e.getValue()))
                            + "[,}]").matcher(out).find();
                    assertThat(asAddress || asField).as("%s: %s=%s in %s", vector.name(), e.getKey(), hex, out).isTrue();
                }
            }
            case "index" -> {
                for (Map.Entry<String, String> e : vector.expectedPairs().entrySet()) {
                    long value = TestVector.number(e.getValue());
                    String expected = e.getKey().equals("offset")
                            ? "\"0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT) + "\""
                            : "{\"level\":\"" + e.getKey() + "\",";
                    assertThat(out).as(vector.name()).contains(expected);
                    if (!e.getKey().equals("offset")) {
                        assertThat(out).contains("\"level\":\"" + e.getKey() + "\",\"bits\":");
                        assertThat(out.substring(out.indexOf("\"level\":\"" + e.getKey() + "\"")))
                                .contains("\"index\":" + value + "}");
                    }
                }
            }
            default -> throw new AssertionError(vector.verb());
        }
    }
}
