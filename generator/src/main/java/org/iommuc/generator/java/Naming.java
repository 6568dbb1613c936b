package org.iommuc.generator.java;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Register;

/**
 * Every Java name the classes of one description use for its registers, constants and formats,
 * decided once, so the class that declares a name and the classes that use it agree. Names come
 * from {@link JavaNames}: unique per class, never a keyword, in declaration order.
 */
final class Naming {

    /** The constants of one register field: {@code STATUS_IDLE_SHIFT}, {@code _MASK}, {@code _WIDTH}. */
    record FieldNames(String shift, String mask, String width, Map<String, String> values) {}

    /** The constants of one register: its offset, slot (first slot of an array), count and stride. */
    record RegisterNames(String offset, String slot, String count, String stride, Map<String, FieldNames> fields,
            Map<String, String> values) {}

    /** The members of a codec for one entry field: accessor, setter and constants. */
    record EntryFieldNames(String accessor, String setter, String shift, String mask, Map<String, String> values) {}

    /** The members of one codec class. */
    record CodecNames(ClassName type, Map<String, EntryFieldNames> fields) {}

    /** Codec members with fixed names; an entry field's derived name never takes one. */
    static final Set<String> CODEC_CONSTANTS = Set.of("WIDTH", "TAG_MASK", "TAG_VALUE", "RESERVED_MASK",
            "ADDRESS_MASK", "BLANK", "PROT_NONE", "PROT_READ", "PROT_WRITE", "PROT_READ_WRITE");
    static final Set<String> CODEC_METHODS = Set.of("matches", "address", "packAddress", "withAddress", "encode",
            "unmaskedLowBits");

    private final String packageName;
    private final ClassName registersType;
    private final ClassName modelType;
    private final Map<String, String> constants = new LinkedHashMap<>();
    private final Map<String, RegisterNames> registers = new LinkedHashMap<>();
    private final Map<String, CodecNames> codecs = new LinkedHashMap<>();
    private final JavaNames.Scope registersMembers = new JavaNames.Scope();

    private Naming(Description d, String packageName) {
        this.packageName = packageName;
        String prefix = JavaNames.type(d.name().text());
        JavaNames.Scope classes = new JavaNames.Scope();
        this.registersType = ClassName.get(packageName, classes.allocate(prefix + "Registers"));
        this.modelType = ClassName.get(packageName, classes.allocate(prefix + "Model"));
        for (Format f : d.formats()) {
            ClassName type = ClassName.get(packageName, classes.allocate(prefix + JavaNames.type(f.name().text())));
            codecs.put(f.name().text(), codec(type, f));
        }
        for (Constant c : d.constants()) {
            constants.put(c.name().text(), registersMembers.allocate(JavaNames.constant(c.name().text())));
        }
        for (Register r : d.registers()) {
            registers.put(r.name().text(), register(r));
        }
    }

    static Naming of(Description d, String packageName) {
        return new Naming(d, packageName);
    }

    private RegisterNames register(Register r) {
        String base = JavaNames.constant(r.name().text());
        String offset = registersMembers.allocate(base + "_OFFSET");
        String slot = registersMembers.allocate(base + "_SLOT");
        String count = r.isArray() ? registersMembers.allocate(base + "_COUNT") : null;
        String stride = r.isArray() ? registersMembers.allocate(base + "_STRIDE") : null;
        Map<String, FieldNames> fields = new LinkedHashMap<>();
        for (Field f : r.fields()) {
            String fieldBase = base + "_" + JavaNames.constant(f.name().text());
            fields.put(f.name().text(), new FieldNames(registersMembers.allocate(fieldBase + "_SHIFT"),
                    registersMembers.allocate(fieldBase + "_MASK"), registersMembers.allocate(fieldBase + "_WIDTH"),
                    values(fieldBase, f.values(), registersMembers)));
        }
        return new RegisterNames(offset, slot, count, stride, fields, values(base, r.values(), registersMembers));
    }

    private static CodecNames codec(ClassName type, Format f) {
        JavaNames.Scope constants = new JavaNames.Scope(CODEC_CONSTANTS);
        JavaNames.Scope methods = new JavaNames.Scope(CODEC_METHODS);
        Map<String, EntryFieldNames> fields = new LinkedHashMap<>();
        for (EntryField field : f.fields()) {
            String base = JavaNames.constant(field.name().text());
            String accessor = methods.allocate(JavaNames.method(field.name().text()));
            String setter = field.isTag() ? null : methods.allocate("with" + JavaNames.type(field.name().text()));
            fields.put(field.name().text(), new EntryFieldNames(accessor, setter, constants.allocate(base + "_SHIFT"),
                    constants.allocate(base + "_MASK"), values(base, field.values(), constants)));
        }
        return new CodecNames(type, fields);
    }

    private static Map<String, String> values(String base, List<EnumValue> values, JavaNames.Scope scope) {
        Map<String, String> names = new LinkedHashMap<>();
        for (EnumValue v : values) {
            names.put(v.name().text(), scope.allocate(base + "_" + JavaNames.constant(v.name().text())));
        }
        return names;
    }

    String packageName() {
        return packageName;
    }

    ClassName registersType() {
        return registersType;
    }

    ClassName modelType() {
        return modelType;
    }

    ClassName codecType(String format) {
        return codecs.get(format).type();
    }

    CodecNames codec(String format) {
        return codecs.get(format);
    }

    String constant(String name) {
        return constants.get(name);
    }

    RegisterNames register(String name) {
        return registers.get(name);
    }

    /** Every name the registers class declares (a model imports them statically). */
    Set<String> registersMemberNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(constants.values());
        for (RegisterNames r : registers.values()) {
            names.add(r.offset());
            names.add(r.slot());
            Optional.ofNullable(r.count()).ifPresent(names::add);
            Optional.ofNullable(r.stride()).ifPresent(names::add);
            names.addAll(r.values().values());
            for (FieldNames f : r.fields().values()) {
                names.add(f.shift());
                names.add(f.mask());
                names.add(f.width());
                names.addAll(f.values().values());
            }
        }
        return names;
    }

    /**
     * The Java constant of an enumerated value, by its owner as name resolution records it
     * ({@code REG}, {@code REG.FIELD} or {@code FORMAT.FIELD}): the class that declares it and
     * its name; empty when the owner is not found (the caller writes the number).
     */
    Optional<Member> enumValue(Description d, String owner, String value) {
        int dot = owner.indexOf('.');
        String first = dot < 0 ? owner : owner.substring(0, dot);
        String second = dot < 0 ? null : owner.substring(dot + 1);
        RegisterNames r = registers.get(first);
        if (r != null) {
            Map<String, String> values = second == null ? r.values()
                    : Optional.ofNullable(r.fields().get(second)).map(FieldNames::values).orElse(Map.of());
            if (values.containsKey(value)) {
                return Optional.of(new Member(registersType, values.get(value)));
            }
        }
        CodecNames codec = codecs.get(first);
        if (codec != null && second != null && codec.fields().containsKey(second)
                && codec.fields().get(second).values().containsKey(value)) {
            return Optional.of(new Member(codec.type(), codec.fields().get(second).values().get(value)));
        }
        return Optional.empty();
    }

    /** A static member of a generated class. */
    record Member(ClassName owner, String name) {}

    /** The name of an address field, or empty. */
    static Optional<String> addressName(Format f) {
        return f.address().map(AddressField::name).map(i -> i.text());
    }
}
