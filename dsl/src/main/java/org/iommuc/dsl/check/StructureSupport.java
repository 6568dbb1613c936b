package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Slice;
import org.iommuc.dsl.resolve.Suggestions;

/**
 * Small helpers the structure checks share: bit-range validity, numbers as messages write them,
 * the formats of a level, and "unknown name" reports that say when a name is of another kind.
 * Checks skip what another check already reports (an invalid bit range, an invalid width), so
 * one mistake gives one diagnostic.
 */
final class StructureSupport {

    private StructureSupport() {}

    /** Widths a register may have, in bits. */
    static final List<Integer> REGISTER_WIDTHS = List.of(8, 16, 32, 64);

    /** True for {@code high:low} with {@code 0 <= low <= high <= 63} (E0211 reports the others). */
    static boolean validBits(BitRange bits) {
        return bits.low() >= 0 && bits.low() <= bits.high() && bits.high() <= 63;
    }

    /** "bit 3" or "bits 7:4". */
    static String bitsText(BitRange bits) {
        return (bits.high() == bits.low() ? "bit " : "bits ") + bits;
    }

    /** {@code 0x1C}: upper-case hex as the examples write offsets. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /** A value as a message shows it: decimal when small, hex otherwise. */
    static String number(long value) {
        return Long.compareUnsigned(value, 9) <= 0 ? Long.toString(value) : hex(value);
    }

    /** The largest value a field of {@code width} bits holds. */
    static long maxValue(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** True when {@code value} fits in {@code width} bits (unsigned). */
    static boolean fits(long value, int width) {
        return width >= 64 || (width >= 0 && (value >>> width) == 0);
    }

    static boolean isPowerOfTwo(long value) {
        return value > 0 && Long.bitCount(value) == 1;
    }

    static OptionalLong value(Optional<Expr> expr) {
        return expr.isPresent() ? Exprs.constant(expr.get()) : OptionalLong.empty();
    }

    /** The width of a register when it is a valid one (8, 16, 32 or 64), else empty. */
    static Optional<Integer> registerWidth(Register register) {
        OptionalLong width = Exprs.constant(register.width());
        if (width.isEmpty() || !REGISTER_WIDTHS.contains((int) Math.min(width.getAsLong(), 128))) {
            return Optional.empty();
        }
        return Optional.of((int) width.getAsLong());
    }

    /** The format an entry kind names, if there is one. */
    static Optional<Format> format(Description description, EntryKind kind) {
        return description.format(kind.format().text());
    }

    /** The formats of a level's kinds, without repeats and without names that are not formats. */
    static List<Format> formats(Description description, Level level) {
        List<Format> formats = new ArrayList<>();
        for (EntryKind kind : level.kinds()) {
            format(description, kind).filter(f -> !formats.contains(f)).ifPresent(formats::add);
        }
        return formats;
    }

    /** Bytes of one entry of a level: the width of its first kind's format, if known. */
    static Optional<Integer> entryBytes(Description description, Level level) {
        for (EntryKind kind : level.kinds()) {
            Optional<Format> format = format(description, kind);
            if (format.isPresent()) {
                return Optional.of(format.get().widthValue() / 8);
            }
        }
        return Optional.empty();
    }

    /**
     * Entries of a level's table by its index bits ({@code 2^width}), or empty for a fixed-index
     * level, an invalid range or a table too large to count.
     */
    static OptionalLong indexedEntries(Level level) {
        if (level.indexBits().isEmpty() || !validBits(level.indexBits().get())) {
            return OptionalLong.empty();
        }
        int width = level.indexBits().get().width();
        return width > 40 ? OptionalLong.empty() : OptionalLong.of(1L << width);
    }

    /** The size in bytes of a level's table: as written, else entries times entry bytes. */
    static OptionalLong tableSize(Description description, Level level) {
        if (level.size().isPresent()) {
            return Exprs.constant(level.size().get());
        }
        OptionalLong entries = indexedEntries(level);
        Optional<Integer> bytes = entryBytes(description, level);
        if (entries.isEmpty() || bytes.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entries.getAsLong() * bytes.get());
    }

    /** The levels indexed by IOVA bits, in walk order. */
    static List<Level> indexedLevels(Description description) {
        List<Level> levels = new ArrayList<>();
        for (Level level : description.levels()) {
            if (level.indexBits().isPresent()) {
                levels.add(level);
            }
        }
        return levels;
    }

    // ---------------------------------------------------------------------------------------
    // Unknown names

    /** What kind of thing a name is in a description, for "'X' is a register, not a format". */
    static Optional<String> kindOf(Description description, String name) {
        if (description.register(name).isPresent()) {
            return Optional.of("a register");
        }
        if (description.format(name).isPresent()) {
            return Optional.of("a format");
        }
        if (description.walk().flatMap(w -> w.level(name)).isPresent()) {
            return Optional.of("a level");
        }
        if (description.constant(name).isPresent()) {
            return Optional.of("a constant");
        }
        if (description.sequence(name).isPresent()) {
            return Optional.of("a sequence");
        }
        for (Shared s : shared(description)) {
            if (s.name().text().equals(name)) {
                return Optional.of(s.isPage() ? "a shared page" : "a shared table");
            }
        }
        return Optional.empty();
    }

    /**
     * Reports a name that should be {@code wanted} ("register") but is not: E0109 when it names
     * something of another kind, else E0101 with a "did you mean" hint from the candidates.
     */
    static void unknown(Description description, Diagnostics diagnostics, Ident name, String wanted,
            List<String> candidates, String where) {
        Optional<String> other = kindOf(description, name.text());
        if (other.isPresent()) {
            diagnostics.error(Code.E0109, name.span(), "'" + name.text() + "' is " + other.get() + ", not a " + wanted
                    + where);
            return;
        }
        diagnostics.error(Code.E0101, name.span(), "unknown " + wanted + " '" + name.text() + "'" + where
                + Suggestions.hint(name.text(), candidates));
    }

    static List<String> registerNames(Description description) {
        List<String> names = new ArrayList<>();
        for (Register r : description.registers()) {
            names.add(r.name().text());
        }
        return names;
    }

    static List<String> formatNames(Description description) {
        List<String> names = new ArrayList<>();
        for (Format f : description.formats()) {
            names.add(f.name().text());
        }
        return names;
    }

    static List<String> levelNames(Description description) {
        List<String> names = new ArrayList<>();
        for (Level l : description.levels()) {
            names.add(l.name().text());
        }
        return names;
    }

    static List<Shared> shared(Description description) {
        return description.walk().map(w -> w.shared()).orElse(List.of());
    }

    // ---------------------------------------------------------------------------------------
    // Parts of a register or an entry

    /**
     * A bit range of a register or entry: a field, a reserved range or an address slice.
     *
     * @param label how a message names it, bits included: "field valid (bit 0)", "reserved bits 11:9",
     *     "slice 7:4 -> 39:36 of page"
     * @param note what a note at it says: "valid is defined here"
     */
    record Part(String label, String note, BitRange bits) {

        static Part field(String name, BitRange bits) {
            return new Part("field " + name + " (" + bitsText(bits) + ")", name + " is defined here", bits);
        }
    }

    static List<Part> parts(Register register) {
        List<Part> parts = new ArrayList<>();
        for (Field f : register.fields()) {
            parts.add(Part.field(f.name().text(), f.bits()));
        }
        return parts;
    }

    /** Entry fields, the address field's entry slices and the reserved ranges, in source order. */
    static List<Part> parts(Format format) {
        List<Part> parts = new ArrayList<>();
        for (EntryField f : format.fields()) {
            parts.add(Part.field(f.name().text(), f.bits()));
        }
        for (AddressField a : format.addresses()) {
            for (Slice s : a.slices()) {
                String label = "slice " + s.entry() + " -> " + s.address() + " of " + a.name().text();
                parts.add(new Part(label, "the slice is here", s.entry()));
            }
        }
        for (BitRange r : format.reserved()) {
            parts.add(new Part("reserved " + bitsText(r), "the reserved bits are here", r));
        }
        parts.sort(Comparator.comparing((Part p) -> p.bits().span().file()).thenComparingInt(p -> p.bits().span().start()));
        return parts;
    }
}
