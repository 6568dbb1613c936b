package org.iommuc.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.parser.IommuLexer;

/**
 * Broken descriptions for the fuzz test, each one a pure function of a seed: mutations of the
 * files in {@code examples/} and {@code bad/} (bytes, characters, lexer tokens, numbers, names,
 * lines, includes), truncations, splices, random bytes and text, token soup and invalid UTF-16.
 * Most mutations keep the input nearly valid, so that resolution and the checks run on it too.
 */
final class FuzzInputs {

    /** One input: how it was made (for failure messages), the path it is compiled as, its text. */
    record Input(String how, String path, String text) {}

    /** A file of the corpus: the path it is compiled as (absolute, so includes resolve) and its text. */
    record CorpusFile(String path, String name, String text) {}

    /** Numbers that find overflow, zero-width, negative and sign-extension bugs. */
    static final List<String> NUMBERS = List.of(
            "0", "1", "2", "3", "7", "8", "31", "32", "33", "63", "64", "65", "127", "128", "4095", "4096", "65536",
            "0x0", "0x1", "0xFF", "0xFFFF_FFFF", "0x1_0000_0000", "0x7FFF_FFFF_FFFF_FFFF", "0x8000_0000_0000_0000",
            "0xFFFF_FFFF_FFFF_FFFF", "0x1_0000_0000_0000_0000", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
            "2147483647", "2147483648", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999999999",
            "0b0", "0b1", "0b1111111111111111111111111111111111111111111111111111111111111111",
            "0b11111111111111111111111111111111111111111111111111111111111111111", "0_0", "1__0", "00000000000000000000001",
            "0K", "1K", "4K", "16M", "2G", "1T", "16777215T", "16777216T", "99999999999999999999K",
            "0ns", "1ns", "1s", "9223372036s", "9223372037s", "99999999999999999999ms",
            "-1", "-0", "-9223372036854775808", "-0xFFFF_FFFF_FFFF_FFFF", "- 1");

    /** Characters that are structure, trouble or both. */
    private static final String INSERTABLE = "{}()[];:,.=<>!?&|^~+-*/%\"'\\#@$`\n\r\t \0\u00e9\u00a0\ufeff\ufffd\u2028";

    /** Paths an inserted include line names: existing, missing, odd and malformed. */
    private static final List<String> INCLUDE_TARGETS = List.of(
            "rockchip-v1.iommu", "rockchip-v2.iommu", "../examples/rockchip-v1.iommu", "../bad/E0001-missing-brace.iommu",
            "missing.iommu", "", ".", "..", "/", "./", "no/such/dir/x.iommu", "a\u0000b.iommu", "a\\tb.iommu", "x".repeat(300) + ".iommu",
            "\u00e9t\u00e9.iommu", " rockchip-v1.iommu", "rockchip-v1.iommu ");

    private final List<CorpusFile> corpus;
    private final List<CorpusFile> examples = new ArrayList<>();
    private final List<String> vocabulary;

    FuzzInputs(List<CorpusFile> corpus) {
        this.corpus = List.copyOf(corpus);
        for (CorpusFile f : corpus) {
            if (f.name().startsWith("examples/")) {
                examples.add(f);
            }
        }
        this.vocabulary = vocabulary();
    }

    /** Every {@code .iommu} file of {@code examples/} and {@code bad/}, sorted by name. */
    static List<CorpusFile> loadCorpus(Path root) throws IOException {
        List<CorpusFile> files = new ArrayList<>();
        for (String dir : List.of("examples", "bad")) {
            try (Stream<Path> list = Files.list(root.resolve(dir))) {
                for (Path p : list.filter(f -> f.toString().endsWith(".iommu")).sorted().toList()) {
                    // Decoded leniently: a bad/ case may hold bytes that are not UTF-8 on purpose (E0002).
                    files.add(new CorpusFile(p.toAbsolutePath().toString(), dir + "/" + p.getFileName(),
                            new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
                }
            }
        }
        return files;
    }

    List<CorpusFile> corpus() {
        return corpus;
    }

    /** The input of one seed. */
    Input generate(long seed) {
        Random random = new Random(seed);
        int kind = random.nextInt(100);
        CorpusFile file = corpusFile(random);
        if (kind < 62) {
            return mutated(random, file);
        }
        if (kind < 72) {
            return new Input("truncation of " + file.name(), file.path(), truncate(random, file.text()));
        }
        if (kind < 80) {
            CorpusFile other = corpusFile(random);
            return new Input("splice of " + file.name() + " and " + other.name(), file.path(),
                    splice(random, file.text(), other.text()));
        }
        if (kind < 84) {
            return new Input("random bytes", "random.iommu", lenientUtf8(randomBytes(random, random.nextInt(2000))));
        }
        if (kind < 88) {
            return new Input("random printable text", "random.iommu", randomPrintable(random, random.nextInt(2000)));
        }
        if (kind < 95) {
            return new Input("token soup", "soup.iommu", tokenSoup(random, 1 + random.nextInt(400)));
        }
        if (kind < 98) {
            return new Input("bad UTF-16 in " + file.name(), file.path(), badUtf16(random, file.text()));
        }
        return new Input("nested expression", "nested.iommu", nestedExpression(random));
    }

    /** A corpus file: an example half of the time (they are the richest), else any file. */
    CorpusFile corpusFile(Random random) {
        return random.nextBoolean() && !examples.isEmpty() ? pick(random, examples) : pick(random, corpus);
    }

    List<CorpusFile> examples() {
        return examples;
    }

    // ---------------------------------------------------------------------------------------
    // Mutations: each takes text and returns changed text

    private interface Mutation {
        String apply(Random random, String text);
    }

    private record Named(String name, int weight, Mutation mutation) {}

    /** Mutations and how often each is picked; most keep the syntax, so later phases see the input. */
    private final List<Named> mutations = List.of(
            new Named("byte flip", 4, FuzzInputs::byteFlip),
            new Named("char insert", 4, FuzzInputs::charInsert),
            new Named("char delete", 4, FuzzInputs::charDelete),
            new Named("token delete", 8, FuzzInputs::tokenDelete),
            new Named("token duplicate", 5, FuzzInputs::tokenDuplicate),
            new Named("token swap", 6, FuzzInputs::tokenSwap),
            new Named("number replace", 20, FuzzInputs::numberReplace),
            new Named("name replace", 22, FuzzInputs::nameReplace),
            new Named("access replace", 6, FuzzInputs::accessReplace),
            new Named("keyword replace", 3, this::keywordReplace),
            new Named("line delete", 8, FuzzInputs::lineDelete),
            new Named("lines duplicate", 7, FuzzInputs::linesDuplicate),
            new Named("include insert", 3, FuzzInputs::includeInsert));

    /** Usually one mutation of a corpus file, sometimes two to four stacked. */
    Input mutated(Random random, CorpusFile file) {
        int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(3);
        String text = file.text();
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Named m = pickWeighted(random);
            applied.add(m.name());
            text = m.mutation().apply(random, text);
        }
        return new Input("mutation (" + String.join(", ", applied) + ") of " + file.name(), file.path(), text);
    }

    private Named pickWeighted(Random random) {
        int total = 0;
        for (Named m : mutations) {
            total += m.weight();
        }
        int at = random.nextInt(total);
        for (Named m : mutations) {
            at -= m.weight();
            if (at < 0) {
                return m;
            }
        }
        throw new AssertionError();
    }

    static String byteFlip(Random random, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return text;
        }
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return lenientUtf8(bytes);
    }

    static String charInsert(Random random, String text) {
        int at = random.nextInt(text.length() + 1);
        char c = INSERTABLE.charAt(random.nextInt(INSERTABLE.length()));
        return text.substring(0, at) + c + text.substring(at);
    }

    static String charDelete(Random random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + random.nextInt(3));
        return text.substring(0, at) + text.substring(end);
    }

    static String tokenDelete(Random random, String text) {
        List<Token> tokens = tokens(text, false);
        if (tokens.isEmpty()) {
            return text;
        }
        Token t = pick(random, tokens);
        return text.substring(0, t.getStartIndex()) + text.substring(t.getStopIndex() + 1);
    }

    static String tokenDuplicate(Random random, String text) {
        List<Token> tokens = tokens(text, false);
        if (tokens.isEmpty()) {
            return text;
        }
        Token t = pick(random, tokens);
        return text.substring(0, t.getStopIndex() + 1) + " " + t.getText() + text.substring(t.getStopIndex() + 1);
    }

    /** Swaps two tokens, usually near each other (so the result stays nearly valid). */
    static String tokenSwap(Random random, String text) {
        List<Token> tokens = tokens(text, false);
        if (tokens.size() < 2) {
            return text;
        }
        int i = random.nextInt(tokens.size() - 1);
        int j = random.nextBoolean() ? i + 1 + random.nextInt(Math.min(8, tokens.size() - i - 1))
                : i + 1 + random.nextInt(tokens.size() - i - 1);
        Token a = tokens.get(i);
        Token b = tokens.get(j);
        return text.substring(0, a.getStartIndex()) + b.getText()
                + text.substring(a.getStopIndex() + 1, b.getStartIndex()) + a.getText()
                + text.substring(b.getStopIndex() + 1);
    }

    static String numberReplace(Random random, String text) {
        List<Token> numbers = new ArrayList<>();
        for (Token t : tokens(text, false)) {
            int type = t.getType();
            if (type == IommuLexer.NUMBER || type == IommuLexer.SIZE_LITERAL || type == IommuLexer.TIME_LITERAL) {
                numbers.add(t);
            }
        }
        if (numbers.isEmpty()) {
            return text;
        }
        return replace(text, pick(random, numbers), pick(random, NUMBERS));
    }

    /** Replaces a name with another name of the same file, so lookups and checks see it. */
    static String nameReplace(Random random, String text) {
        List<Token> names = new ArrayList<>();
        for (Token t : tokens(text, false)) {
            if (t.getType() == IommuLexer.IDENT) {
                names.add(t);
            }
        }
        if (names.size() < 2) {
            return text;
        }
        return replace(text, pick(random, names), pick(random, names).getText());
    }

    /** Replaces an access kind with another: reads of write-only and writes of read-only registers. */
    static String accessReplace(Random random, String text) {
        List<Token> accesses = new ArrayList<>();
        for (Token t : tokens(text, false)) {
            if (t.getType() == IommuLexer.ACCESS) {
                accesses.add(t);
            }
        }
        if (accesses.isEmpty()) {
            return text;
        }
        return replace(text, pick(random, accesses), pick(random, List.of("ro", "rw", "wo", "w1c", "rc", "sc")));
    }

    private String keywordReplace(Random random, String text) {
        List<Token> tokens = tokens(text, false);
        if (tokens.isEmpty()) {
            return text;
        }
        return replace(text, pick(random, tokens), pick(random, vocabulary));
    }

    static String lineDelete(Random random, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    /** Duplicates a run of lines: a repeated register, field, level, rule or whole block. */
    static String linesDuplicate(Random random, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int first = random.nextInt(lines.size());
        int last = Math.min(lines.size(), first + 1 + random.nextInt(random.nextBoolean() ? 3 : 30));
        lines.addAll(last, new ArrayList<>(lines.subList(first, last)));
        return String.join("\n", lines);
    }

    static String includeInsert(Random random, String text) {
        String line = "include \"" + pick(random, INCLUDE_TARGETS) + "\";\n";
        return random.nextInt(4) == 0 ? text + "\n" + line : line + text;
    }

    // ---------------------------------------------------------------------------------------
    // Whole-input generators

    /** Cuts the text at a random place of a random kind: inside or around a token or comment. */
    static String truncate(Random random, String text) {
        List<Token> tokens = tokens(text, true);
        if (tokens.isEmpty() || random.nextInt(5) == 0) {
            return text.substring(0, random.nextInt(text.length() + 1));
        }
        Token t = pick(random, tokens);
        int length = t.getStopIndex() + 1 - t.getStartIndex();
        int cut = switch (random.nextInt(3)) {
            case 0 -> t.getStartIndex();
            case 1 -> t.getStartIndex() + random.nextInt(Math.max(1, length));
            default -> t.getStopIndex() + 1;
        };
        return text.substring(0, Math.min(cut, text.length()));
    }

    static String splice(Random random, String a, String b) {
        return a.substring(0, random.nextInt(a.length() + 1)) + b.substring(random.nextInt(b.length() + 1));
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static String randomPrintable(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(20);
            out.append(r == 0 ? '\n' : r == 1 ? ' ' : (char) (0x20 + random.nextInt(0x5f)));
        }
        return out.toString();
    }

    /** Words and symbols of the language in random order, with names, numbers and strings. */
    String tokenSoup(Random random, int count) {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append("iommu soup {\n");
        }
        for (int i = 0; i < count; i++) {
            int r = random.nextInt(10);
            String word = r < 6 ? pick(random, vocabulary)
                    : r < 8 ? "N" + random.nextInt(5)
                    : r < 9 ? pick(random, NUMBERS)
                    : "\"s" + random.nextInt(3) + "\"";
            out.append(word).append(random.nextInt(6) == 0 ? "\n" : " ");
        }
        return out.toString();
    }

    /** Lone surrogates, U+FFFD and NUL inserted into a file (what lenient decoding produces). */
    static String badUtf16(Random random, String text) {
        String[] bad = {"\uD800", "\uDFFF", "\uDBFF\uDBFF", "\uDC00\uD800", "\uFFFD", "\u0000", "\uFFFF", "\uD83D\uDE00"};
        StringBuilder out = new StringBuilder(text);
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out.insert(random.nextInt(out.length() + 1), bad[random.nextInt(bad.length)]);
        }
        return out.toString();
    }

    /** A moderately nested expression of random shape in a valid description. */
    static String nestedExpression(Random random) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 60 : 3000);
        StringBuilder e = new StringBuilder("1");
        String[] binary = {" + ", " - ", " * ", " / ", " % ", " << ", " >> ", " & ", " | ", " ^ ", " == ", " && ", " || "};
        for (int i = 0; i < depth; i++) {
            switch (random.nextInt(5)) {
                case 0 -> e.insert(0, "(").append(")");
                case 1 -> e.insert(0, "!-~".charAt(random.nextInt(3)));
                case 2 -> e.append(binary[random.nextInt(binary.length)]).append(pick(random, NUMBERS));
                case 3 -> e.insert(0, "1 ? ").append(" : 2");
                default -> e.insert(0, pick(random, NUMBERS) + binary[random.nextInt(binary.length)]);
            }
        }
        return "iommu nested {\n    iova 32;\n    const C = " + e + ";\n    registers { R 0x0 rw reset C; }\n}\n";
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    /** The file's tokens: structural ones, or with comments and doc comments too. */
    static List<Token> tokens(String text, boolean withComments) {
        IommuLexer lexer = new IommuLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (withComments || t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static String replace(String text, Token token, String with) {
        return text.substring(0, token.getStartIndex()) + with + text.substring(token.getStopIndex() + 1);
    }

    /** Bytes decoded as a lenient reader would: bad sequences become U+FFFD. */
    static String lenientUtf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (int type = 1; type <= IommuLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = IommuLexer.VOCABULARY.getLiteralName(type);
            if (literal != null) {
                words.add(literal.substring(1, literal.length() - 1));
            }
        }
        words.addAll(List.of("ro", "rw", "wo", "w1c", "rc", "sc", "u32", "u64", "noncoherent", "bypass"));
        return words;
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
