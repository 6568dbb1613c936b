package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iommuc.dsl.diag.Code;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagnostic code is demonstrated in {@code bad/} and documented in
 * {@code docs/diagnostics.md}, and the documentation's examples are the real output: renaming a
 * code's title, adding a code, or changing a message without updating the page fails the build.
 *
 * <p>The page has one heading {@code ### CODE title} per code. In a code's section, each fenced
 * {@code iommu} block quotes lines of the last {@code bad/} case named before it (a line
 * {@code ...} stands for lines left out), and each {@code text} block is part of that case's
 * {@code .expected} rendering.
 */
class DiagnosticsCoverageTest {

    /** The one code no valid or invalid description can trigger: the formatter's own failure. */
    /**
     * Codes the front end never reports, so no bad/ case can show them: the generator's (E0700,
     * for what a backend cannot express) and the formatter's own failure (E0900).
     */
    private static final java.util.Set<Code> UNTRIGGERABLE = java.util.EnumSet.of(Code.E0700, Code.E0900);

    private static final Pattern HEADING = Pattern.compile("^#{2,6} ([EW]\\d{4}) (.+)$");
    private static final Pattern CASE = Pattern.compile("bad/([A-Za-z0-9_.-]+\\.iommu)");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)$");

    private static List<String> page;
    private static List<String> cases;

    @BeforeAll
    static void read() throws IOException {
        page = Files.readAllLines(TestFiles.root().resolve("docs/diagnostics.md"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("bad"))) {
            cases = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList();
        }
    }

    static Stream<Code> codes() {
        return Arrays.stream(Code.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void everyCodeHasABadCase(Code code) {
        if (UNTRIGGERABLE.contains(code)) {
            return;
        }
        assertThat(cases).as("bad/%s-*.iommu cases", code).anyMatch(n -> n.startsWith(code.name() + "-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void everyCodeIsDocumentedUnderItsTitle(Code code) {
        List<String> titles = headings().getOrDefault(code.name(), List.of());
        assertThat(titles).as("headings '### %s ...' in docs/diagnostics.md", code).hasSize(1);
        assertThat(titles.get(0)).as("title of %s in docs/diagnostics.md (Code.java says '%s')", code, code.title())
                .isEqualTo(code.title());
    }

    @Test
    void thePageDocumentsNoUnknownCode() {
        for (String documented : headings().keySet()) {
            assertThat(Arrays.stream(Code.values()).map(Code::name)).as("codes in Code.java").contains(documented);
        }
    }

    @Test
    void noTwoCodesShareATitle() {
        Map<String, Code> byTitle = new LinkedHashMap<>();
        for (Code code : Code.values()) {
            Code other = byTitle.putIfAbsent(code.title(), code);
            assertThat(other).as("%s has the title '%s' of %s", code, code.title(), other).isNull();
        }
    }

    @Test
    void everyBadCaseIsCitedOrNamedAfterACode() {
        String text = String.join("\n", page);
        for (String name : cases) {
            String prefix = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
            boolean named = Arrays.stream(Code.values()).anyMatch(c -> c.name().equals(prefix));
            assertThat(named || text.contains("bad/" + name))
                    .as("bad/%s is cited in docs/diagnostics.md or named after a code", name).isTrue();
        }
    }

    @Test
    void everyBadCaseSaysWhatIsWrong() throws IOException {
        for (String name : cases) {
            byte[] bytes = Files.readAllBytes(TestFiles.root().resolve("bad").resolve(name));
            String start = new String(bytes, 0, Math.min(bytes.length, 2), StandardCharsets.US_ASCII);
            assertThat(start).as("bad/%s starts with a // comment saying what is wrong", name).isEqualTo("//");
        }
    }

    @Test
    void everyCitedFileExists() {
        for (String line : page) {
            Matcher m = CASE.matcher(line);
            while (m.find()) {
                assertThat(TestFiles.root().resolve("bad").resolve(m.group(1))).as("cited in: %s", line).exists();
            }
        }
    }

    static Stream<Block> examples() throws IOException {
        read();
        return blocks().stream().filter(b -> UNTRIGGERABLE.stream().noneMatch(c -> c.name().equals(b.code())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void examplesQuoteTheirCase(Block block) throws IOException {
        assertThat(block.source()).as("%s follows the name of the bad/ case it quotes", block).isPresent();
        String source = block.source().get();
        assertThat(source).as("%s quotes a case of its own code", block).startsWith(block.code() + "-");
        Path bad = TestFiles.root().resolve("bad");
        if (block.kind().equals("text")) {
            String expected = Files.readString(bad.resolve(source.replace(".iommu", ".expected")), StandardCharsets.UTF_8);
            assertThat(expected).as("%s is the rendering of bad/%s", block, source).contains(block.text());
            return;
        }
        List<String> lines = Files.readAllLines(bad.resolve(source), StandardCharsets.UTF_8).stream().map(String::strip).toList();
        for (String quoted : block.text().split("\n")) {
            if (!quoted.isBlank() && !quoted.strip().equals("...")) {
                assertThat(lines).as("%s quotes a line of bad/%s", block, source).contains(quoted.strip());
            }
        }
    }

    @Test
    void everyTriggerableCodeHasAnExample() throws IOException {
        List<String> exemplified = new ArrayList<>();
        for (Block block : blocks()) {
            if (block.kind().equals("text") && block.source().isPresent()) {
                exemplified.add(block.code());
            }
        }
        for (Code code : Code.values()) {
            if (!UNTRIGGERABLE.contains(code)) {
                assertThat(exemplified).as("a rendered example in the section of %s", code).contains(code.name());
            }
        }
    }

    /** A fenced block of a code's section, and the bad/ case last named before it in the section. */
    record Block(String code, int line, String kind, String text, Optional<String> source) {

        @Override
        public String toString() {
            return "diagnostics.md:" + line + " (" + code + " " + kind + ")";
        }
    }

    private static Map<String, List<String>> headings() {
        Map<String, List<String>> headings = new LinkedHashMap<>();
        for (String line : page) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                headings.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
        }
        return headings;
    }

    /** Every {@code iommu} and {@code text} block inside a code's section. */
    private static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        String code = null;
        String source = null;
        for (int i = 0; i < page.size(); i++) {
            String line = page.get(i);
            Matcher heading = HEADING.matcher(line);
            if (line.startsWith("#")) {
                code = heading.matches() ? heading.group(1) : null;
                source = null;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                Matcher cited = CASE.matcher(line);
                while (cited.find()) {
                    source = cited.group(1);
                }
                continue;
            }
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            for (i = start; i < page.size() && !page.get(i).equals("```"); i++) {
                text.append(page.get(i)).append('\n');
            }
            String kind = fence.group(1);
            if (code != null && (kind.equals("iommu") || kind.equals("text"))) {
                blocks.add(new Block(code, start, kind, text.toString(), Optional.ofNullable(source)));
            }
        }
        return blocks;
    }
}
