package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.CacheContent;
import org.iommuc.dsl.model.CacheTag;
import org.iommuc.dsl.model.Coherency;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.InvalidateScope;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.RemovalKind;
import org.iommuc.dsl.model.TranslationMode;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.resolve.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code block of {@code docs/language.md} compiles as the reference says it does, so the
 * reference cannot drift from the compiler.
 *
 * <p>A block's fence tag says what it is: {@code iommu} is a complete file that must compile
 * without any diagnostic; {@code iommu-items} is a fragment, checked inside the one
 * {@code iommu-skeleton} block of the page (see {@link #splice}); {@code text} is not code. An
 * {@code iommu} or {@code iommu-items} block tagged {@code error=CODE} must fail with that code
 * as its first diagnostic, on a line of the block marked {@code // error[CODE]} for the reader.
 */
class LanguageDocTest {

    private static final Set<String> KINDS = Set.of("iommu", "iommu-items", "iommu-skeleton", "text");

    /** Items a description has at most once: a fragment's replaces the skeleton's. */
    private static final Set<String> SETTINGS = Set.of("compatible", "iova", "oa", "aperture", "masters", "power",
            "walk", "tlb", "walkcache", "obligations");

    /** Items a fragment replaces when the skeleton has one of the same name. */
    private static final Set<String> NAMED = Set.of("format", "sequence", "const", "interrupt");

    /** Words the model builder accepts that are neither tokens nor enum keywords. */
    private static final List<String> ENTRY_TYPES = List.of("u8", "u16", "u32", "u64");

    /** The well-known sequence names of {@link org.iommuc.dsl.model.Sequence}. */
    private static final List<String> WELL_KNOWN_SEQUENCES = List.of("init", "enable", "disable", "flush_all",
            "flush_page", "flush_range", "fault", "suspend", "resume");

    /** One fenced code block of the page. */
    record Block(int line, String kind, Optional<String> error, String text) {

        boolean isFragment() {
            return kind.equals("iommu-items");
        }

        @Override
        public String toString() {
            return "language.md:" + line + " " + kind + error.map(e -> " error=" + e).orElse("");
        }
    }

    /** A fragment put into the skeleton, with the lines (1-based, inclusive) it occupies. */
    record Spliced(String text, int firstLine, int lastLine) {}

    // ---------------------------------------------------------------------------------------
    // The page

    static Path page() {
        return TestFiles.root().resolve("docs").resolve("language.md");
    }

    static String pageText() {
        try {
            return Files.readString(page(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        String[] lines = pageText().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].stripLeading().startsWith("```")) {
                continue;
            }
            assertThat(lines[i]).as("line %d: fences start in column 1, so every block is found", i + 1)
                    .startsWith("```");
            String[] info = lines[i].substring(3).trim().split("\\s+");
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            assertThat(i).as("block at line %d is closed", start + 1).isLessThan(lines.length);
            Optional<String> error = Optional.empty();
            for (int k = 1; k < info.length; k++) {
                if (info[k].startsWith("error=")) {
                    error = Optional.of(info[k].substring("error=".length()));
                }
            }
            blocks.add(new Block(start + 1, info[0], error, text.toString()));
        }
        return blocks;
    }

    static Stream<Block> compiledBlocks() {
        return blocks().stream().filter(b -> !b.kind().equals("text"));
    }

    static Block skeleton() {
        List<Block> skeletons = blocks().stream().filter(b -> b.kind().equals("iommu-skeleton")).toList();
        assertThat(skeletons).as("iommu-skeleton blocks").hasSize(1);
        return skeletons.get(0);
    }

    // ---------------------------------------------------------------------------------------
    // Examples

    @ParameterizedTest(name = "{0}")
    @MethodSource("compiledBlocks")
    void compilesAsDocumented(Block block) {
        Spliced source = block.isFragment() ? splice(skeleton().text(), block.text())
                : new Spliced(block.text(), 1, lineCount(block.text()));
        Compilation compilation = compile(block, source.text());
        String shown = "\n" + compilation.render() + "\n--- compiled text ---\n" + numbered(source.text());

        if (block.error().isEmpty()) {
            assertThat(compilation.diagnostics()).as("diagnostics of %s:%s", block, shown).isEmpty();
            return;
        }
        assertThat(compilation.hasErrors()).as("%s must fail:%s", block, shown).isTrue();
        Diagnostic first = compilation.diagnostics().get(0);
        assertThat(first.code().name()).as("first code of %s:%s", block, shown).isEqualTo(block.error().get());
        assertThat(first.span().line()).as("line of the error of %s (inside the example):%s", block, shown)
                .isBetween(source.firstLine(), source.lastLine());
        String marked = source.text().split("\n", -1)[first.span().line() - 1];
        assertThat(marked).as("the line of the error of %s says '// error[%s]'", block, block.error().get())
                .contains("// error[" + block.error().get() + "]");
    }

    @Test
    void everyBlockIsTaggedWithAKnownKind() {
        List<Block> blocks = blocks();
        assertThat(blocks).as("code blocks of language.md").hasSizeGreaterThan(30);
        for (Block b : blocks) {
            assertThat(KINDS).as("fence tag of %s", b).contains(b.kind());
            assertThat(b.error().isEmpty() || b.kind().equals("iommu") || b.isFragment())
                    .as("only iommu and iommu-items blocks may expect an error: %s", b).isTrue();
            b.error().ifPresent(code -> assertThat(code).as("error code of %s", b).matches("E\\d{4}"));
        }
    }

    @Test
    void fragmentsReplaceTheSkeletonsSettingsAndNamedItems() {
        String skeleton = skeleton().text();
        Spliced spliced = splice(skeleton, "iova 40;\nformat pte : u64 { page 63:12 -> 63:12; }\nconst EXTRA = 1;\n");

        List<String> keys = keys(spliced.text(), 1);
        assertThat(keys).containsOnlyOnce("iova", "format pte", "walk", "const EXTRA");
        assertThat(spliced.text()).contains("iova 40;").doesNotContain("iova 32;").contains("pte : u64")
                .doesNotContain("pte : u32");
        assertThat(spliced.text().split("\n")[spliced.firstLine() - 1]).isEqualTo("iova 40;");
        assertThat(spliced.text().split("\n")[spliced.lastLine() - 1]).isEqualTo("const EXTRA = 1;");
    }

    // ---------------------------------------------------------------------------------------
    // The prose

    @Test
    void everyLinkToASectionExists() {
        String text = pageText();
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = Pattern.compile("(?m)^#{1,6} (.+)$").matcher(withoutBlocks(text));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            String unique = slug;
            for (int n = 1; anchors.contains(unique); n++) {
                unique = slug + "-" + n;
            }
            anchors.add(unique);
        }
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(text);
        int links = 0;
        while (link.find()) {
            links++;
            assertThat(anchors).as("target of link #%s", link.group(1)).contains(link.group(1));
        }
        assertThat(links).isGreaterThan(20);
    }

    @Test
    void quickReferenceListsEveryWordOfTheLanguage() {
        String text = pageText();
        int start = text.indexOf("\n## Quick reference");
        assertThat(start).as("the Quick reference section").isPositive();
        int end = text.indexOf("\n## ", start + 1);
        String section = end < 0 ? text.substring(start) : text.substring(start, end);
        Set<String> listed = new LinkedHashSet<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(section);
        while (code.find()) {
            for (String word : code.group(1).split("[^A-Za-z0-9_]+")) {
                listed.add(word);
            }
        }
        for (String word : languageWords()) {
            assertThat(listed).as("'%s' in the Quick reference", word).contains(word);
        }
    }

    /** Every keyword token of the grammar and every word of the closed sets the builder accepts. */
    static Set<String> languageWords() {
        Set<String> words = new LinkedHashSet<>();
        for (int type = 1; type <= IommuLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = IommuLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z_0-9]+'")) {
                words.add(literal.substring(1, literal.length() - 1));
            }
        }
        assertThat(words).as("keywords read from the lexer").contains("include", "obligations", "return");
        for (Access a : Access.values()) {
            words.add(a.keyword());
        }
        for (FaultKind k : FaultKind.values()) {
            words.add(k.keyword());
        }
        for (Coherency c : Coherency.values()) {
            words.add(c.keyword());
        }
        for (TranslationMode m : TranslationMode.values()) {
            words.add(m.keyword());
        }
        for (CacheContent c : CacheContent.values()) {
            words.add(c.keyword());
        }
        for (CacheTag t : CacheTag.values()) {
            words.add(t.keyword());
        }
        for (InvalidateScope s : InvalidateScope.values()) {
            words.add(s.keyword());
        }
        for (Builtin.Function f : Builtin.Function.values()) {
            words.add(f.keyword());
        }
        for (RemovalKind k : RemovalKind.values()) {
            words.add(k.keyword());
        }
        for (Var v : Var.values()) {
            if (v != Var.PARAM) {
                words.add(v.keyword());
            }
        }
        words.addAll(Obligation.EVENTS);
        words.addAll(Resolver.REPORT_ARGS);
        words.addAll(ENTRY_TYPES);
        words.addAll(WELL_KNOWN_SEQUENCES);
        return words;
    }

    // ---------------------------------------------------------------------------------------
    // Splicing

    /**
     * The skeleton with the fragment's items added before its closing brace. A skeleton item is
     * dropped (with the comments before it) when the fragment has an item of the same key: the
     * settings a description has once, and formats, sequences, constants and interrupts by name.
     */
    static Spliced splice(String skeleton, String fragment) {
        Set<String> replaced = new LinkedHashSet<>(keys(fragment, 0));
        List<Token> tokens = tokens(skeleton);
        StringBuilder out = new StringBuilder();
        int copiedTo = 0;
        for (Item item : items(tokens, 1)) {
            if (replaceable(item.key()) && replaced.contains(item.key())) {
                out.append(skeleton, copiedTo, item.start());
                copiedTo = item.end();
            }
        }
        int closing = closingBrace(tokens);
        out.append(skeleton, copiedTo, closing);
        int firstLine = lineCount(out.toString()) + 1;
        out.append(fragment);
        int lastLine = lineCount(out.toString());
        out.append(skeleton.substring(closing));
        return new Spliced(out.toString(), firstLine, lastLine);
    }

    /** One item of a description body: its key and the characters from the previous item's end. */
    record Item(String key, int start, int end) {}

    static List<String> keys(String text, int depth) {
        return items(tokens(text), depth).stream().map(Item::key).toList();
    }

    private static List<Item> items(List<Token> tokens, int bodyDepth) {
        List<Item> items = new ArrayList<>();
        int depth = 0;
        int itemStart = bodyDepth == 0 ? 0 : -1;
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
                continue;
            }
            int type = t.getType();
            if (type == IommuLexer.RBRACE) {
                depth--;
            }
            if (depth == bodyDepth && itemStart >= 0 && words.size() < 2) {
                words.add(t.getText());
            }
            boolean ends = depth == bodyDepth && (type == IommuLexer.SEMI || type == IommuLexer.RBRACE);
            if (type == IommuLexer.LBRACE) {
                if (depth == bodyDepth - 1 && itemStart < 0) {
                    itemStart = t.getStopIndex() + 1;
                }
                depth++;
            }
            if (ends && itemStart >= 0 && !words.isEmpty()) {
                items.add(new Item(key(words), itemStart, t.getStopIndex() + 1));
                itemStart = t.getStopIndex() + 1;
                words.clear();
            }
        }
        return items;
    }

    private static String key(List<String> words) {
        String first = words.get(0);
        if (NAMED.contains(first) && words.size() > 1) {
            return first + " " + words.get(1);
        }
        return first;
    }

    private static boolean replaceable(String key) {
        return SETTINGS.contains(key) || NAMED.contains(key.split(" ")[0]) && key.contains(" ");
    }

    private static int closingBrace(List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).getType() == IommuLexer.RBRACE) {
                return tokens.get(i).getStartIndex();
            }
        }
        throw new AssertionError("the skeleton has no closing brace");
    }

    private static List<Token> tokens(String text) {
        IommuLexer lexer = new IommuLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            tokens.add(t);
        }
        return tokens;
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private static Compilation compile(Block block, String text) {
        Path file = TestFiles.root().resolve("examples").resolve("language-md-line-" + block.line() + ".iommu");
        return Frontend.compileText(file.toString(), text);
    }

    private static int lineCount(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String numbered(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format(Locale.ROOT, "%4d | %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }

    private static String withoutBlocks(String text) {
        return text.replaceAll("(?ms)^```.*?^```", "");
    }

    /** The anchor GitHub gives a heading. */
    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
