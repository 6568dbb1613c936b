package org.iommuc.dsl.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.parse.ModelBuilder;
import org.iommuc.dsl.parse.ParsedFile;
import org.iommuc.dsl.parse.Parsing;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Formatting is idempotent and keeps the model, over every file of {@code examples/} and
 * {@code bad/} that parses, and over variants of them with their whitespace collapsed or
 * scrambled (seeded: {@code -Dfmt.seed=N} replays a case, {@code -Dfmt.variants=N} runs more).
 */
class FormatterPropertyTest {

    private static final long SEED = Long.getLong("fmt.seed", 20_261_121L);
    private static final int VARIANTS = Integer.getInteger("fmt.variants", 12);

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("examples", "bad")) {
            try (Stream<Path> listing = Files.list(TestFiles.root().resolve(folder))) {
                listing.filter(p -> p.toString().endsWith(".iommu")).sorted().forEach(files::add);
            }
        }
        return files.stream().filter(FormatterPropertyTest::parses);
    }

    static Stream<Arguments> files() throws IOException {
        return corpus().map(p -> Arguments.of(name(p), p));
    }

    static Stream<Arguments> variants() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Path file : corpus().toList()) {
            cases.add(Arguments.of(name(file) + " collapsed", file, -1L));
            for (int i = 0; i < VARIANTS; i++) {
                cases.add(Arguments.of(name(file) + " seed=" + (SEED + i), file, SEED + i));
            }
        }
        return cases.stream();
    }

    @Test
    void theCorpusIsNotEmpty() throws IOException {
        assertThat(corpus().map(FormatterPropertyTest::name)).contains("examples/rockchip-v1.iommu", "examples/rockchip-v2.iommu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void examplesAreCanonical(String name, Path file) throws IOException {
        String text = Files.readString(file);
        if (name.startsWith("examples/")) {
            assertThat(format(file, text)).as("%s is in canonical layout (run iommuc fmt on it)", name).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void idempotentAndModelPreserving(String name, Path file) throws IOException {
        assertIdempotentAndModelPreserving(file, Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void variantsFormatIdempotentlyToTheSameModel(String name, Path file, long seed) throws IOException {
        String text = Files.readString(file);
        String variant = seed < 0 ? respace(text, null) : respace(text, new Random(seed));
        assertThat(parses(variant)).as("the variant parses:\n%s", variant).isTrue();
        assertThat(ModelEquality.difference(fileModel(text), fileModel(variant))).as("variant generator keeps the model").isEmpty();
        String formatted = assertIdempotentAndModelPreserving(file, variant);
        if (seed < 0) {
            assertThat(formatted).as("a collapsed file formats to the same token layout").isNotBlank();
        }
    }

    @Test
    void theModelComparisonSeesAChangedValue() {
        assertThat(ModelEquality.difference(fileModel("iommu x { iova 32; }"), fileModel("iommu x {\n  iova 32;\n}"))).isEmpty();
        assertThat(ModelEquality.difference(fileModel("iommu x { iova 32; }"), fileModel("iommu x { iova 33; }")))
                .hasValueSatisfying(d -> assertThat(d).contains("iovaBits"));
        assertThat(ModelEquality.difference(fileModel("/// a\niommu x {}"), fileModel("/// b\niommu x {}")))
                .hasValueSatisfying(d -> assertThat(d).contains("doc"));
    }

    private static String assertIdempotentAndModelPreserving(Path file, String text) {
        String once = format(file, text);
        String twice = format(file, once);
        assertThat(twice).as("format(format(x)) == format(x); first result:\n%s", once).isEqualTo(once);
        assertThat(ModelEquality.difference(fileModel(text), fileModel(once))).as("model before and after formatting").isEmpty();
        Compilation before = Frontend.compileText(file.toString(), text);
        Compilation after = Frontend.compileText(file.toString(), once);
        assertThat(after.stoppedAfter()).isEqualTo(before.stoppedAfter());
        assertThat(ModelEquality.difference(before.descriptions(), after.descriptions()))
                .as("compiled descriptions before and after formatting").isEmpty();
        return once;
    }

    private static String format(Path file, String text) {
        Formatter.Result result = Formatter.format(SourceFile.of(file.toString(), text));
        assertThat(result.diagnostics()).as("%s", result.render()).isEmpty();
        return result.formatted().orElseThrow();
    }

    private static Object fileModel(String text) {
        Diagnostics diagnostics = new Diagnostics();
        ParsedFile parsed = Parsing.parse(SourceFile.of("m.iommu", text), diagnostics);
        assertThat(diagnostics.hasErrors()).isFalse();
        ModelBuilder.FileDecl decl = ModelBuilder.build(parsed, diagnostics);
        return List.of(decl.includes(), decl.descriptions(), diagnostics.sorted().stream().map(d -> d.code() + " " + d.message()).toList());
    }

    private static boolean parses(Path file) {
        try {
            return parses(Files.readString(file));
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean parses(String text) {
        Diagnostics diagnostics = new Diagnostics();
        ParsedFile parsed = Parsing.parse(SourceFile.of("p.iommu", text), diagnostics);
        return parsed.tree() != null && !diagnostics.hasErrors();
    }

    private static String name(Path file) {
        return TestFiles.root().relativize(file).toString().replace('\\', '/');
    }

    /**
     * The same tokens with other whitespace between them: with {@code random} null, one space
     * (a newline after a line comment); else, per gap, the original, one space, a newline with a
     * random indent of spaces and tabs, or blank lines with trailing spaces.
     */
    static String respace(String text, Random random) {
        IommuLexer lexer = new IommuLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            tokens.add(t);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            out.append(token.getText());
            boolean mustBreak = token.getType() == IommuLexer.LINE_COMMENT || token.getType() == IommuLexer.DOC;
            String original = i + 1 < tokens.size()
                    ? text.substring(token.getStopIndex() + 1, tokens.get(i + 1).getStartIndex())
                    : text.substring(token.getStopIndex() + 1);
            out.append(gap(original, mustBreak, random));
        }
        return out.toString();
    }

    private static String gap(String original, boolean mustBreak, Random random) {
        if (random == null) {
            return mustBreak ? "\n" : " ";
        }
        String gap = switch (random.nextInt(5)) {
            case 0, 1 -> original;
            case 2 -> " ".repeat(1 + random.nextInt(3));
            case 3 -> "\n" + indent(random);
            default -> " \t".repeat(random.nextInt(2)) + "\n".repeat(2 + random.nextInt(3)) + indent(random);
        };
        return mustBreak && gap.indexOf('\n') < 0 ? gap + "\n" + indent(random) : gap;
    }

    private static String indent(Random random) {
        StringBuilder indent = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            indent.append(random.nextInt(4) == 0 ? "\t" : "  ");
        }
        return indent.toString();
    }
}
