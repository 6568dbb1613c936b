package org.iommuc.generator.java;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.semantics.RegisterLayout;

/**
 * {@code <Name>Registers}: the description's constants and, for every register, its offset, its
 * slot in the model's register map, its fields' shifts, masks and widths, and its enumerated
 * values, as a driver writer would put them in a header.
 */
final class RegistersGenerator {

    private final Description description;
    private final Naming naming;
    private final RegisterLayout layout;

    RegistersGenerator(Description description, Naming naming) {
        this.description = description;
        this.naming = naming;
        this.layout = RegisterLayout.of(description);
    }

    JavaFile generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(naming.registersType())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", Docs.javadoc("The registers and constants of iommu " + description.name().text()
                        + ": each register's offset, its slot in the model's register map, the shift, mask and "
                        + "width of each field, and the enumerated values."))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Constant c : description.constants()) {
            type.addField(constant(c));
        }
        for (Register r : description.registers()) {
            addRegister(type, r);
        }
        return JavaFiles.file(description, naming.packageName(), type.build());
    }

    private FieldSpec constant(Constant c) {
        long value = c.valueAsLong();
        boolean time = c.value() instanceof Num n && n.unit() == Num.Unit.NANOS;
        FieldSpec.Builder field = FieldSpec.builder(TypeName.LONG, naming.constant(c.name().text()), Modifier.PUBLIC,
                Modifier.STATIC, Modifier.FINAL).initializer("$L", time ? Literals.decimal(value) : Literals.number(value));
        String doc = (c.doc().isBlank() ? "" : Docs.text(c.doc().strip()) + "\n<p>")
                + Docs.code("const " + c.name().text() + " = " + Exprs.text(c.value())) + (time ? ", in nanoseconds." : ".");
        return field.addJavadoc("$L", Docs.markup(doc)).build();
    }

    private void addRegister(TypeSpec.Builder type, Register r) {
        Naming.RegisterNames names = naming.register(r.name().text());
        String doc = r.doc().isBlank() ? "Register " + r.name().text() + "." : r.doc();
        type.addField(FieldSpec.builder(TypeName.LONG, names.offset(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L", Docs.javadoc(doc) + "\n<p>" + Docs.javadoc(shape(r)))
                .initializer("$L", Literals.hex(r.offsetValue())).build());
        type.addField(intConstant(names.slot(), layout.firstSlot(r.name().text())));
        if (r.isArray()) {
            type.addField(intConstant(names.count(), r.countValue()));
            type.addField(longConstant(names.stride(), Literals.hex(r.strideValue())));
        }
        for (Field f : r.fields()) {
            Naming.FieldNames fieldNames = names.fields().get(f.name().text());
            String fieldDoc = r.name().text() + "." + f.name().text() + ", " + bitsText(f.bits())
                    + (f.doc().isBlank() ? "." : ": " + f.doc());
            type.addField(FieldSpec.builder(TypeName.INT, fieldNames.shift(), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).addJavadoc("$L", Docs.javadoc(fieldDoc)).initializer("$L", f.bits().low()).build());
            type.addField(longConstant(fieldNames.mask(), Literals.hex(f.bits().mask())));
            type.addField(intConstant(fieldNames.width(), f.bits().width()));
            addValues(type, f.values(), fieldNames.values());
        }
        addValues(type, r.values(), names.values());
    }

    /** {@code 32-bit rw at 0x0 (slot 0)} and, for an array, its elements. */
    private static String shape(Register r) {
        String access = r.access().value().keyword();
        String array = r.isArray() ? ", " + r.countValue() + " elements " + r.strideValue() + " bytes apart" : "";
        return r.widthValue() + "-bit " + access + array + ".";
    }

    private static void addValues(TypeSpec.Builder type, java.util.List<EnumValue> values,
            java.util.Map<String, String> names) {
        for (EnumValue v : values) {
            FieldSpec.Builder field = FieldSpec.builder(TypeName.LONG, names.get(v.name().text()), Modifier.PUBLIC,
                    Modifier.STATIC, Modifier.FINAL).initializer("$L", Literals.number(v.valueAsLong()));
            if (!v.doc().isBlank()) {
                field.addJavadoc("$L", Docs.javadoc(v.doc()));
            }
            type.addField(field.build());
        }
    }

    /** {@code bit 3} or {@code bits 31:12}. */
    static String bitsText(org.iommuc.dsl.model.BitRange bits) {
        return (bits.high() == bits.low() ? "bit " : "bits ") + bits;
    }

    private static FieldSpec intConstant(String name, long value) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", value).build();
    }

    private static FieldSpec longConstant(String name, String literal) {
        return FieldSpec.builder(TypeName.LONG, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", literal).build();
    }
}
