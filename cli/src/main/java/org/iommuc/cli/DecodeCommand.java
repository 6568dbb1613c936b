package org.iommuc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.Folding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommuc decode FILE FORMAT VALUE}: what an entry from a fault dump means. */
@Command(mixinStandardHelpOptions = true, name = "decode",
        description = {"Decode a page-table entry: every field by name, the output address, the permissions the "
                + "hardware grants, and whether the entry is valid.",
            "With --batch, reads requests 'FORMAT VALUE' from stdin, one per line, and prints one line each."})
final class DecodeCommand extends DescriptionCommand {

    @Parameters(index = "1", arity = "0..1", paramLabel = "FORMAT", description = "Entry format, e.g. pte.")
    String format;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "The entry, e.g. 0xcdef1ba7.")
    String value;

    @Option(names = "--json", description = "Print JSON (one object per line with --batch).")
    boolean json;

    @Option(names = "--batch", description = "Read one request per line from stdin.")
    boolean batch;

    @Override
    int run(Description d, PrintWriter out) throws Loaded.Failure {
        if (batch) {
            batchTakesNoRequest(format);
            return Batch.run(System.in, out, json, words -> decodeLine(d, words));
        }
        if (format == null || value == null) {
            throw new Loaded.Usage("usage: iommuc decode FILE FORMAT VALUE (formats: "
                    + EncodeCommand.formatNames(d) + ")");
        }
        Decoded decoded = decode(d, format, value);
        out.println(json ? decoded.json() : decoded.text());
        if (decoded.entry().reservedBits() != 0) {
            throw new Loaded.Failure(decoded.reservedMessage());
        }
        return Main.OK;
    }

    private String decodeLine(Description d, List<String> words) throws Loaded.Failure {
        if (words.size() != 2) {
            throw new Loaded.Failure("expected 'FORMAT VALUE', got '" + String.join(" ", words) + "'");
        }
        Decoded decoded = decode(d, words.get(0), words.get(1));
        if (decoded.entry().reservedBits() != 0) {
            throw new Loaded.Failure(decoded.reservedMessage());
        }
        return json ? decoded.json() : decoded.line();
    }

    static Decoded decode(Description d, String formatName, String valueText) throws Loaded.Failure {
        Format format = Loaded.format(d, formatName);
        EntryCodec codec = EntryCodec.of(format);
        long value = EncodeCommand.number(valueText, "value");
        if (codec.width() < 64 && (value >>> codec.width()) != 0) {
            throw new Loaded.Failure("value " + Numbers.hex(value) + " is wider than a " + formatName + " ("
                    + codec.width() + " bits)");
        }
        return new Decoded(d, codec, codec.decode(value));
    }

    /** A decoded entry and the ways to print it. */
    record Decoded(Description description, EntryCodec codec, EntryCodec.Decoded entry) {

        String formatName() {
            return codec.format().name().text();
        }

        String reservedMessage() {
            return Numbers.hex(entry.value(), codec.width()) + " sets reserved bits " + BitRange.ranges(entry.reservedBits())
                    + " of " + formatName() + " (" + Numbers.hex(entry.reservedBits()) + ")";
        }

        String state() {
            if (entry.valid()) {
                return "valid";
            }
            List<String> wrong = new ArrayList<>();
            for (EntryCodec.FieldValue f : entry.fields()) {
                if (f.tag()) {
                    long tag = Exprs.constant(codec.format().field(f.name()).orElseThrow().tag().orElseThrow()).orElse(0);
                    if (tag != f.value()) {
                        wrong.add(f.name() + " is " + f.value() + ", a " + formatName() + " has " + tag);
                    }
                }
            }
            return "not a valid " + formatName() + " (" + String.join("; ", wrong) + ")";
        }

        Map<Direction, String> permissions() {
            Map<Direction, String> result = new LinkedHashMap<>();
            Map<String, Long> fields = new LinkedHashMap<>();
            for (EntryCodec.FieldValue f : entry.fields()) {
                fields.put(f.name(), f.value());
            }
            for (Direction direction : Direction.values()) {
                if (!entry.valid()) {
                    // the walker never takes an entry of this format here: nothing is allowed through it
                    result.put(direction, "denied");
                    continue;
                }
                Optional<AllowRule> rule = codec.format().allow(direction);
                if (rule.isEmpty() || rule.get().condition().isEmpty()) {
                    result.put(direction, "allowed");
                    continue;
                }
                Expr folded = Folding.fold(rule.get().condition().get(), fields);
                if (folded instanceof Num n) {
                    result.put(direction, n.value() != 0 ? "allowed" : "denied");
                } else {
                    result.put(direction, "allowed if " + Exprs.text(folded));
                }
            }
            return result;
        }

        String text() {
            StringBuilder out = new StringBuilder();
            out.append(description.name().text()).append(' ').append(formatName()).append(' ')
                    .append(Numbers.hex(entry.value(), codec.width())).append(": ").append(state()).append('\n');
            int nameWidth = 5;
            int bitsWidth = 4;
            for (EntryCodec.FieldValue f : entry.fields()) {
                nameWidth = Math.max(nameWidth, f.name().length());
                bitsWidth = Math.max(bitsWidth, f.bits().toString().length());
            }
            String addressName = codec.format().address().map(a -> a.name().text()).orElse("");
            String slices = addressSlices();
            nameWidth = Math.max(nameWidth, addressName.length());
            bitsWidth = Math.max(bitsWidth, slices.length());
            for (EntryCodec.FieldValue f : entry.fields()) {
                row(out, nameWidth, bitsWidth, f.name(), f.bits().toString(), fieldText(f));
            }
            if (entry.address().isPresent()) {
                row(out, nameWidth, bitsWidth, addressName, slices, Numbers.hex(entry.address().get()));
            }
            for (Map.Entry<Direction, String> p : permissions().entrySet()) {
                row(out, nameWidth, bitsWidth, p.getKey().keyword(), "",
                        p.getValue() + (entry.valid() ? "" : " (not a valid entry)"));
            }
            return out.toString().stripTrailing();
        }

        String line() {
            StringBuilder out = new StringBuilder(entry.valid() ? "valid" : "invalid");
            for (EntryCodec.FieldValue f : entry.fields()) {
                out.append(' ').append(f.name()).append('=').append(f.valueName().orElse(valueText(f)));
            }
            entry.address().ifPresent(a -> out.append(' ').append(codec.format().address().get().name().text())
                    .append('=').append(Numbers.hex(a)));
            for (Map.Entry<Direction, String> p : permissions().entrySet()) {
                String v = p.getValue();
                out.append(' ').append(p.getKey().keyword()).append('=').append(v.contains(" ") ? Json.string(v) : v);
            }
            return out.toString();
        }

        String json() {
            StringBuilder out = new StringBuilder("{");
            out.append("\"iommu\":").append(Json.string(description.name().text()));
            out.append(",\"format\":").append(Json.string(formatName()));
            out.append(",\"value\":").append(Json.string(Numbers.hex(entry.value(), codec.width())));
            out.append(",\"valid\":").append(entry.valid());
            out.append(",\"fields\":[");
            for (int i = 0; i < entry.fields().size(); i++) {
                EntryCodec.FieldValue f = entry.fields().get(i);
                out.append(i == 0 ? "" : ",").append("{\"name\":").append(Json.string(f.name()))
                        .append(",\"bits\":").append(Json.string(f.bits().toString()))
                        .append(",\"value\":").append(Long.toUnsignedString(f.value()));
                f.valueName().ifPresent(n -> out.append(",\"enum\":").append(Json.string(n)));
                out.append('}');
            }
            out.append(']');
            entry.address().ifPresent(a -> out.append(",\"address\":").append(Json.string(Numbers.hex(a))));
            out.append(",\"permissions\":{");
            String separator = "";
            for (Map.Entry<Direction, String> p : permissions().entrySet()) {
                out.append(separator).append(Json.string(p.getKey().keyword())).append(':').append(Json.string(p.getValue()));
                separator = ",";
            }
            out.append("},\"reservedBits\":").append(Json.string(Numbers.hex(entry.reservedBits()))).append('}');
            return out.toString();
        }

        private String addressSlices() {
            return codec.format().address().map(a -> {
                List<String> parts = new ArrayList<>();
                a.slices().forEach(s -> parts.add(s.entry().toString()));
                return String.join(",", parts);
            }).orElse("");
        }

        private static String fieldText(EntryCodec.FieldValue f) {
            return valueText(f) + f.valueName().map(n -> " (" + n + ")").orElse("");
        }

        private static String valueText(EntryCodec.FieldValue f) {
            return f.bits().width() == 1 ? Long.toString(f.value()) : Numbers.hex(f.value());
        }

        private static void row(StringBuilder out, int nameWidth, int bitsWidth, String name, String bits, String value) {
            out.append("  ").append(pad(name, nameWidth)).append("  ").append(pad(bits, bitsWidth)).append("  ")
                    .append(value).append('\n');
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(Math.max(0, width - s.length()));
        }
    }

    static boolean isTag(Format format, String field) {
        return format.field(field).map(EntryField::isTag).orElse(false);
    }
}
