package org.iommuc.generator.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.Slice;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;

/**
 * {@code <Name><Format>}: one entry format as static methods on the raw entry, a primitive
 * {@code long}. {@code encode} builds the entry a driver's mk-function writes; {@code matches},
 * {@code address} and the field accessors take an entry apart; the {@code with} methods build
 * one field by field. Every result equals {@link EntryCodec}'s, bit for bit.
 */
final class CodecGenerator {

    private static final String ENTRY = "entry";
    private static final String OA = "oa";

    private final Description description;
    private final Format format;
    private final EntryCodec codec;
    private final Naming.CodecNames names;
    private final String packageName;
    private final List<AddressSlice> slices = new ArrayList<>();

    /** One address slice: entry bits {@code entryLow..} hold address bits {@code addressLow..}. */
    private record AddressSlice(long entryMask, long addressMask, int entryLow, int addressLow) {}

    CodecGenerator(Description description, Format format, Naming naming) {
        this.description = description;
        this.format = format;
        this.codec = EntryCodec.of(format);
        this.names = naming.codec(format.name().text());
        this.packageName = naming.packageName();
        for (Slice s : format.address().map(AddressField::slices).orElse(List.of())) {
            slices.add(new AddressSlice(s.entry().mask(), s.address().mask(), s.entry().low(), s.address().low()));
        }
    }

    JavaFile generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(names.type())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", classDoc());
        addLayoutConstants(type);
        Map<String, Long> prot = protEntries();
        for (Map.Entry<String, Long> e : prot.entrySet()) {
            FieldSpec.Builder field = FieldSpec.builder(TypeName.LONG, e.getKey(), Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$L", Literals.hex(e.getValue()));
            if (e.getKey().equals("PROT_NONE")) {
                field.addJavadoc("What {@code encode} writes besides the address, for each permission asked.");
            }
            type.addField(field.build());
        }
        addFieldConstants(type);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(matches());
        if (!slices.isEmpty()) {
            type.addMethod(address());
            type.addMethod(packAddress());
        }
        type.addMethod(encode(prot));
        for (EntryField f : format.fields()) {
            type.addMethod(accessor(f));
        }
        for (EntryField f : format.fields()) {
            if (!f.isTag()) {
                type.addMethod(setter(f));
            }
        }
        if (!slices.isEmpty()) {
            type.addMethod(withAddress());
        }
        if (isUnmasked()) {
            type.addMethod(unmaskedLowBits());
        }
        return JavaFiles.file(description, packageName, type.build());
    }

    private String classDoc() {
        String doc = format.doc().isBlank() ? "" : Docs.javadoc(format.doc()) + "\n<p>";
        return doc + Docs.javadoc("Entry format " + format.name().text() + " of iommu " + description.name().text()
                + ": a " + codec.width() + "-bit entry, as a long. Static methods encode the entry a driver writes, "
                + "take one apart field by field, and build one from fields.");
    }

    // ---------------------------------------------------------------------------------------
    // Constants

    private void addLayoutConstants(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(TypeName.INT, "WIDTH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Bits in one entry.").initializer("$L", codec.width()).build());
        type.addField(publicLong("TAG_MASK", codec.tagMask(), "The tag bits: an entry is of format " + format.name().text()
                + " when {@code (entry & TAG_MASK) == TAG_VALUE}" + (codec.tagMask() == 0 ? " (always: it has no tag)." : ".")));
        type.addField(publicLong("TAG_VALUE", codec.tagValue(), null));
        type.addField(publicLong("RESERVED_MASK", codec.reservedMask(),
                "Bits no field, tag or address slice uses; encoding leaves them 0."));
        if (!slices.isEmpty()) {
            type.addField(publicLong("ADDRESS_MASK", codec.packAddress(-1L), "The entry bits that hold the address."));
        }
        type.addField(publicLong("BLANK", blank(), "An entry holding its tags and field defaults and nothing else: "
                + "where {@code with...} building starts."));
    }

    private void addFieldConstants(TypeSpec.Builder type) {
        for (EntryField f : format.fields()) {
            Naming.EntryFieldNames n = names.fields().get(f.name().text());
            String doc = f.name().text() + ", " + RegistersGenerator.bitsText(f.bits()) + (f.isTag() ? ", a tag" : "")
                    + (f.doc().isBlank() ? "." : ": " + f.doc());
            type.addField(FieldSpec.builder(TypeName.INT, n.shift(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L", Docs.javadoc(doc)).initializer("$L", f.bits().low()).build());
            type.addField(publicLong(n.mask(), f.bits().mask(), null));
            for (EnumValue v : f.values()) {
                FieldSpec.Builder value = FieldSpec.builder(TypeName.LONG, n.values().get(v.name().text()),
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", Literals.number(v.valueAsLong()));
                if (!v.doc().isBlank()) {
                    value.addJavadoc("$L", Docs.javadoc(v.doc()));
                }
                type.addField(value.build());
            }
        }
    }

    private static FieldSpec publicLong(String name, long value, String doc) {
        FieldSpec.Builder field = FieldSpec.builder(TypeName.LONG, name, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).initializer("$L", Literals.hex(value));
        if (doc != null) {
            field.addJavadoc("$L", doc);
        }
        return field.build();
    }

    private long blank() {
        return codec.build(Map.of());
    }

    /**
     * What {@code encode} writes besides the address, per permission, as the constants it needs:
     * none when no prot rule changes {@code BLANK}; {@code PROT_NONE} and {@code PROT_WRITE} when
     * only the write permission matters (or read); all four otherwise.
     */
    private Map<String, Long> protEntries() {
        long none = protEntry(false, false);
        long read = protEntry(true, false);
        long write = protEntry(false, true);
        long both = protEntry(true, true);
        Map<String, Long> entries = new java.util.LinkedHashMap<>();
        boolean readMatters = read != none || both != write;
        boolean writeMatters = write != none || both != read;
        if (!readMatters && !writeMatters && none == blank()) {
            return entries;
        }
        entries.put("PROT_NONE", none);
        if (readMatters) {
            entries.put("PROT_READ", read);
        }
        if (writeMatters) {
            entries.put("PROT_WRITE", write);
        }
        if (readMatters && writeMatters) {
            entries.put("PROT_READ_WRITE", both);
        }
        return entries;
    }

    private long protEntry(boolean read, boolean write) {
        try {
            return codec.encode(null, EntryCodec.directions(read, write), Map.of());
        } catch (CodecException e) {
            throw new IllegalStateException("encoding without fields cannot fail", e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Methods

    private static MethodSpec.Builder entryMethod(String name, TypeName returns, String param) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(returns)
                .addParameter(TypeName.LONG, param);
    }

    private MethodSpec matches() {
        MethodSpec.Builder m = entryMethod("matches", TypeName.BOOLEAN, ENTRY);
        if (codec.tagMask() == 0) {
            return m.addJavadoc("True for every entry: $L has no tag bits.", format.name().text())
                    .addStatement("return true").build();
        }
        return m.addJavadoc("True when {@code entry} holds this format's tags: $L.", Docs.code(tagText()))
                .addStatement("return (entry & TAG_MASK) == TAG_VALUE").build();
    }

    private String tagText() {
        List<String> tags = new ArrayList<>();
        for (EntryField f : format.fields()) {
            if (f.isTag()) {
                tags.add(f.name().text() + " = " + Exprs.text(f.tag().get()));
            }
        }
        return String.join(", ", tags);
    }

    private String sliceText() {
        AddressField a = format.address().get();
        List<String> parts = new ArrayList<>();
        for (Slice s : a.slices()) {
            parts.add(s.entry() + " -> " + s.address());
        }
        return a.name().text() + " " + String.join(", ", parts) + (a.unmasked() ? " unmasked" : "");
    }

    private MethodSpec address() {
        return entryMethod("address", TypeName.LONG, ENTRY)
                .addJavadoc("The address {@code entry} holds ($L); bits below the lowest slice are 0.",
                        Docs.code(sliceText()))
                .addStatement("return $L", moveSlices(ENTRY, true)).build();
    }

    private MethodSpec packAddress() {
        return entryMethod("packAddress", TypeName.LONG, OA)
                .addJavadoc("The entry bits that hold {@code oa}; address bits outside the slices are dropped.")
                .addStatement("return $L", moveSlices(OA, false)).build();
    }

    /** Every slice moved from the entry to the address ({@code decode}) or back. */
    private CodeBlock moveSlices(String from, boolean decode) {
        List<CodeBlock> terms = new ArrayList<>();
        for (AddressSlice s : slices) {
            long mask = decode ? s.entryMask() : s.addressMask();
            int shift = decode ? s.addressLow() - s.entryLow() : s.entryLow() - s.addressLow();
            terms.add(moved(from, mask, shift, slices.size() > 1));
        }
        return CodeBlock.join(terms, "$W| ");
    }

    private static CodeBlock moved(String from, long mask, int shift, boolean grouped) {
        CodeBlock masked = CodeBlock.of("$L & $L", from, Literals.hex(mask));
        if (shift == 0) {
            return grouped ? CodeBlock.of("($L)", masked) : masked;
        }
        CodeBlock moved = CodeBlock.of("($L) $L $L", masked, shift > 0 ? "<<" : ">>>", Math.abs(shift));
        return grouped ? CodeBlock.of("($L)", moved) : moved;
    }

    private MethodSpec encode(Map<String, Long> prot) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeName.LONG)
                .addParameter(TypeName.LONG, OA)
                .addParameter(TypeName.BOOLEAN, "read")
                .addParameter(TypeName.BOOLEAN, "write")
                .addJavadoc("$L", encodeDoc());
        CodeBlock address = slices.isEmpty() ? null
                : isUnmasked() ? CodeBlock.of("packAddress(oa) | unmaskedLowBits(oa)") : CodeBlock.of("packAddress(oa)");
        CodeBlock bits = protChoice(prot);
        if (address == null) {
            return m.addStatement("return $L", bits).build();
        }
        if (prot.size() > 1) {
            m.addStatement("long prot = $L", bits);
            bits = CodeBlock.of("prot");
        }
        return m.addStatement("return $L | $L", bits, address).build();
    }

    private String encodeDoc() {
        StringBuilder doc = new StringBuilder("The entry a driver writes to map {@code oa} with the permissions asked "
                + "(Linux IOMMU_READ, IOMMU_WRITE): defaults, then the prot rules");
        List<String> rules = new ArrayList<>();
        for (ProtRule r : format.prot()) {
            rules.add(protText(r));
        }
        doc.append(rules.isEmpty() ? " (none)" : " " + Docs.code(String.join("; ", rules)));
        doc.append(", then the tags, then the address");
        doc.append(isUnmasked() ? ", whose bits below the lowest slice are ORed in unmasked." : ".");
        return doc.toString();
    }

    private static String protText(ProtRule r) {
        List<String> dirs = new ArrayList<>();
        for (Direction d : r.directions()) {
            dirs.add(d.keyword());
        }
        List<String> values = new ArrayList<>();
        for (Assignment a : r.assignments()) {
            values.add(a.field().text() + " = " + Exprs.text(a.value()));
        }
        return "prot " + (dirs.isEmpty() ? "none" : String.join(" | ", dirs)) + " -> " + String.join(", ", values);
    }

    private static CodeBlock protChoice(Map<String, Long> prot) {
        if (prot.isEmpty()) {
            return CodeBlock.of("BLANK");
        }
        boolean read = prot.containsKey("PROT_READ");
        boolean write = prot.containsKey("PROT_WRITE");
        if (read && write) {
            return CodeBlock.of("read ? (write ? PROT_READ_WRITE : PROT_READ) : (write ? PROT_WRITE : PROT_NONE)");
        }
        if (read) {
            return CodeBlock.of("read ? PROT_READ : PROT_NONE");
        }
        return write ? CodeBlock.of("write ? PROT_WRITE : PROT_NONE") : CodeBlock.of("PROT_NONE");
    }

    private MethodSpec accessor(EntryField f) {
        Naming.EntryFieldNames n = names.fields().get(f.name().text());
        return entryMethod(n.accessor(), TypeName.LONG, ENTRY)
                .addJavadoc("Field $L ($L) of {@code entry}.", Docs.code(f.name().text()), RegistersGenerator.bitsText(f.bits()))
                .addStatement("return (entry & $N) >>> $N", n.mask(), n.shift()).build();
    }

    private MethodSpec setter(EntryField f) {
        Naming.EntryFieldNames n = names.fields().get(f.name().text());
        return entryMethod(n.setter(), TypeName.LONG, ENTRY)
                .addParameter(TypeName.LONG, "value")
                .addJavadoc("{@code entry} with field $L set to {@code value}, cut to $L $L.",
                        Docs.code(f.name().text()), f.bits().width(), f.bits().width() == 1 ? "bit" : "bits")
                .addStatement("return (entry & ~$N)$W| ((value << $N) & $N)", n.mask(), n.shift(), n.mask()).build();
    }

    private MethodSpec withAddress() {
        CodeBlock packed = isUnmasked() ? CodeBlock.of("packAddress(oa) | unmaskedLowBits(oa)")
                : CodeBlock.of("packAddress(oa)");
        return entryMethod("withAddress", TypeName.LONG, ENTRY)
                .addParameter(TypeName.LONG, OA)
                .addJavadoc("{@code entry} with its address set to {@code oa}.")
                .addStatement("return (entry & ~ADDRESS_MASK) | $L", packed).build();
    }

    private boolean isUnmasked() {
        return !slices.isEmpty() && format.address().get().unmasked();
    }

    /** The address bits below the lowest slice, shifted as that slice is (EntryCodec.unmaskedLowBits). */
    private MethodSpec unmaskedLowBits() {
        AddressSlice lowest = slices.get(0);
        for (AddressSlice s : slices) {
            if (s.addressLow() < lowest.addressLow()) {
                lowest = s;
            }
        }
        int shift = lowest.entryLow() - lowest.addressLow();
        long below = (1L << lowest.addressLow()) - 1;
        // the bits land below the slice's lowest entry bit, so they always fit the entry
        CodeBlock body = shift == 0 ? CodeBlock.of("oa & $L", Literals.hex(below))
                : CodeBlock.of("(oa & $L) $L $L", Literals.hex(below), shift > 0 ? "<<" : ">>>", Math.abs(shift));
        return MethodSpec.methodBuilder("unmaskedLowBits").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.LONG).addParameter(TypeName.LONG, OA)
                .addJavadoc("The address bits below the lowest slice, placed as that slice places its bits: a driver "
                        + "ORs them in without masking ({@code unmasked}).")
                .addStatement("return $L", body).build();
    }
}
