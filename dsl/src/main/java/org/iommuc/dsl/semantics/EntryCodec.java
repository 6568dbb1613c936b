package org.iommuc.dsl.semantics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.Slice;

/**
 * Encodes and decodes entries of one format: the reference semantics every backend must match.
 *
 * <p>Encoding starts from zero, writes each field's {@code default}, applies the {@code prot}
 * rules for the requested directions (see {@link ProtRule}), writes the fields the caller gives,
 * writes the tag constants, and packs the address into its slices. Address bits outside the
 * slices are dropped, as a driver's mask and u32 cast drop them. The result is cut to the entry
 * width.
 */
public final class EntryCodec {

    private final Format format;
    private final int width;
    private final long widthMask;
    private final long tagMask;
    private final long tagValue;
    private final List<Slice> slices;
    private final boolean unmasked;
    private final long reservedMask;
    private final Map<String, EntryField> fields = new LinkedHashMap<>();
    private final List<ProtRule> protOrder;

    private EntryCodec(Format format) {
        this.format = format;
        this.width = format.widthValue();
        this.widthMask = width >= 64 ? -1L : (1L << width) - 1;
        this.tagMask = format.tagMask() & widthMask;
        this.tagValue = format.tagValue() & widthMask;
        this.slices = format.address().map(AddressField::slices).orElse(List.of());
        this.unmasked = format.address().map(AddressField::unmasked).orElse(false);
        long covered = 0;
        for (EntryField f : format.fields()) {
            fields.put(f.name().text(), f);
            covered |= f.bits().mask();
        }
        for (Slice s : slices) {
            covered |= s.entry().mask();
        }
        this.reservedMask = ~covered & widthMask;
        this.protOrder = protOrder(format.prot());
    }

    public static EntryCodec of(Format format) {
        return new EntryCodec(format);
    }

    public Format format() {
        return format;
    }

    public int width() {
        return width;
    }

    /** Bits that belong to no field, tag or address slice (declared {@code reserved} or not). */
    public long reservedMask() {
        return reservedMask;
    }

    public long tagMask() {
        return tagMask;
    }

    public long tagValue() {
        return tagValue;
    }

    /** True when an entry holds this format's tag values (always true for a format without tags). */
    public boolean matches(long entry) {
        return (entry & tagMask) == tagValue;
    }

    public boolean hasAddress() {
        return !slices.isEmpty();
    }

    /** The address an entry holds, assembled from its slices. */
    public long address(long entry) {
        long address = 0;
        for (Slice s : slices) {
            long bits = (entry >>> s.entry().low()) & ones(s.entry().width());
            address |= bits << s.address().low();
        }
        return address;
    }

    /** The entry bits that hold an address; address bits outside the slices are dropped. */
    public long packAddress(long address) {
        long entry = 0;
        for (Slice s : slices) {
            long bits = (address >>> s.address().low()) & ones(s.address().width());
            entry |= bits << s.entry().low();
        }
        return entry & widthMask;
    }

    /**
     * For an {@code unmasked} address field: the address bits below the lowest slice, shifted as
     * that slice is, which encoding ORs into the entry; 0 otherwise.
     */
    public long unmaskedLowBits(long address) {
        if (!unmasked || slices.isEmpty()) {
            return 0;
        }
        Slice lowest = slices.get(0);
        for (Slice s : slices) {
            if (s.address().low() < lowest.address().low()) {
                lowest = s;
            }
        }
        int addressLow = lowest.address().low();
        int shift = addressLow - lowest.entry().low();
        long below = addressLow >= 64 ? address : address & ((1L << addressLow) - 1);
        return (shift >= 0 ? below >>> shift : below << -shift) & widthMask;
    }

    /** The address bits the slices hold, as a mask over the output address. */
    public long addressMask() {
        long mask = 0;
        for (Slice s : slices) {
            mask |= s.address().mask();
        }
        return mask;
    }

    /** One field's value in an entry. */
    public long field(long entry, String name) {
        EntryField f = fields.get(name);
        return f == null ? 0 : (entry & f.bits().mask()) >>> f.bits().low();
    }

    public Optional<EntryField> entryField(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * Encodes an entry.
     *
     * @param address the output address for the address field, or null to leave it zero
     * @param prot the directions requested (Linux IOMMU_READ / IOMMU_WRITE), or null to apply no
     *     prot rule at all (an entry built field by field, as in {@code dte(table = dt)})
     * @param given field values by name; the address field's name may be given instead of
     *     {@code address}
     * @throws CodecException for an unknown field, a value too wide, or a tag given another value
     */
    public long encode(Long address, Set<Direction> prot, Map<String, Long> given) throws CodecException {
        long entry = 0;
        for (EntryField f : format.fields()) {
            if (f.defaultValue().isPresent()) {
                entry = put(entry, f.bits(), Exprs.constant(f.defaultValue().get()).orElse(0));
            }
        }
        if (prot != null) {
            entry = applyProt(entry, prot);
        }
        Long effectiveAddress = address;
        String addressName = format.address().map(a -> a.name().text()).orElse(null);
        for (Map.Entry<String, Long> e : given.entrySet()) {
            if (e.getKey().equals(addressName)) {
                effectiveAddress = e.getValue();
                continue;
            }
            EntryField f = fields.get(e.getKey());
            if (f == null) {
                throw new CodecException("format '" + format.name().text() + "' has no field '" + e.getKey() + "'");
            }
            checkFits(f, e.getValue());
            entry = put(entry, f.bits(), e.getValue());
        }
        entry = (entry & ~tagMask) | tagValue;
        if (effectiveAddress != null) {
            entry = (entry & ~packAddress(-1L)) | packAddress(effectiveAddress) | unmaskedLowBits(effectiveAddress);
        }
        return entry & widthMask;
    }

    /**
     * Builds an entry from fields as an expression {@code dte(table = dt)} does at run time:
     * defaults, the given fields (cut to their widths), the tags, the address. No prot rule
     * applies and nothing fails; a name that is not a field is ignored (the checks reject it).
     */
    public long build(Map<String, Long> given) {
        long entry = 0;
        for (EntryField f : format.fields()) {
            if (f.defaultValue().isPresent()) {
                entry = put(entry, f.bits(), Exprs.constant(f.defaultValue().get()).orElse(0));
            }
        }
        String addressName = format.address().map(a -> a.name().text()).orElse(null);
        Long address = null;
        for (Map.Entry<String, Long> e : given.entrySet()) {
            EntryField f = fields.get(e.getKey());
            if (f != null) {
                entry = put(entry, f.bits(), e.getValue());
            } else if (e.getKey().equals(addressName)) {
                address = e.getValue();
            }
        }
        entry = (entry & ~tagMask) | tagValue;
        if (address != null) {
            entry = (entry & ~packAddress(-1L)) | packAddress(address) | unmaskedLowBits(address);
        }
        return entry & widthMask;
    }

    private void checkFits(EntryField f, long value) throws CodecException {
        int bits = f.bits().width();
        if (bits < 64 && Long.compareUnsigned(value, ones(bits)) > 0) {
            throw new CodecException("value 0x" + Long.toHexString(value) + " does not fit field '" + f.name().text()
                    + "' (" + bits + (bits == 1 ? " bit" : " bits") + ")");
        }
        if (f.isTag()) {
            long tag = Exprs.constant(f.tag().get()).orElse(0);
            if (tag != value) {
                throw new CodecException("field '" + f.name().text() + "' is a tag: every " + format.name().text()
                        + " holds " + tag + " there");
            }
        }
    }

    private long applyProt(long entry, Set<Direction> prot) {
        long result = entry;
        for (ProtRule rule : protOrder) {
            if (!prot.containsAll(rule.directions())) {
                continue;
            }
            for (Assignment a : rule.assignments()) {
                EntryField f = fields.get(a.field().text());
                if (f != null) {
                    result = put(result, f.bits(), Exprs.constant(a.value()).orElse(0));
                }
            }
        }
        return result;
    }

    /** Prot rules in the order they apply: by the size of their direction set, then as written. */
    private static List<ProtRule> protOrder(List<ProtRule> rules) {
        List<ProtRule> ordered = new ArrayList<>(rules);
        ordered.sort((a, b) -> Integer.compare(a.directions().size(), b.directions().size()));
        return Collections.unmodifiableList(ordered);
    }

    /** The prot rules that apply to a request, in application order. */
    public List<ProtRule> protRulesFor(Set<Direction> prot) {
        List<ProtRule> applying = new ArrayList<>();
        for (ProtRule rule : protOrder) {
            if (prot.containsAll(rule.directions())) {
                applying.add(rule);
            }
        }
        return applying;
    }

    /** A decoded entry: each field, the address, whether it matches the tags, stray reserved bits. */
    public record Decoded(long value, boolean valid, List<FieldValue> fields, Optional<Long> address, long reservedBits) {}

    /** One decoded field, with the name of its enumerated value when it has one. */
    public record FieldValue(String name, BitRange bits, long value, Optional<String> valueName, boolean tag) {}

    public Decoded decode(long entry) {
        List<FieldValue> values = new ArrayList<>();
        for (EntryField f : format.fields()) {
            long value = (entry & f.bits().mask()) >>> f.bits().low();
            values.add(new FieldValue(f.name().text(), f.bits(), value, enumName(f, value), f.isTag()));
        }
        Optional<Long> address = hasAddress() ? Optional.of(address(entry)) : Optional.empty();
        return new Decoded(entry, matches(entry), values, address, entry & reservedMask);
    }

    private static Optional<String> enumName(EntryField f, long value) {
        for (EnumValue v : f.values()) {
            if (v.valueAsLong() == value) {
                return Optional.of(v.name().text());
            }
        }
        return Optional.empty();
    }

    /** The directions a {@code --prot} word names: r, w, rw or none. */
    public static Set<Direction> directions(boolean read, boolean write) {
        Set<Direction> set = EnumSet.noneOf(Direction.class);
        if (read) {
            set.add(Direction.READ);
        }
        if (write) {
            set.add(Direction.WRITE);
        }
        return set;
    }

    private static long put(long entry, BitRange bits, long value) {
        long mask = bits.mask();
        return (entry & ~mask) | ((value << bits.low()) & mask);
    }

    private static long ones(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }
}
