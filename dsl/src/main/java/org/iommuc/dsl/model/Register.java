package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * A register, or an array of registers ({@code count} elements {@code stride} bytes apart).
 *
 * @param view the register sharing this one's offset as the other direction's view, if any
 * @param clears the register whose bits a write of 1 clears, if any (an interrupt clear)
 * @param value the expression a computed read-only register reads as, if any
 * @param values enumerated values of the whole register (a register without fields)
 */
public record Register(
        Ident name,
        Optional<Expr> count,
        Expr offset,
        Optional<Expr> stride,
        Setting<Access> access,
        Expr width,
        Optional<Expr> reset,
        Optional<Ident> view,
        Optional<Ident> clears,
        Optional<Expr> value,
        String doc,
        List<Field> fields,
        List<EnumValue> values,
        Span span) {

    public Register {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
    }

    public long offsetValue() {
        return Exprs.constant(offset).orElse(0);
    }

    public int widthValue() {
        return (int) Exprs.constant(width).orElse(32);
    }

    public long resetValue() {
        return reset.flatMap(r -> Exprs.constant(r).stream().boxed().findFirst()).orElse(0L);
    }

    public boolean isArray() {
        return count.isPresent();
    }

    /** Number of elements: 1 for a plain register. */
    public long countValue() {
        return count.map(c -> Exprs.constant(c).orElse(1)).orElse(1L);
    }

    /** Distance in bytes between elements; the register's byte width when not given. */
    public long strideValue() {
        return stride.map(s -> Exprs.constant(s).orElse(widthValue() / 8)).orElse((long) widthValue() / 8);
    }

    public Optional<Field> field(String fieldName) {
        for (Field f : fields) {
            if (f.name().text().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The access kind of a field: its own if it has one, else the register's. */
    public Access accessOf(Field field) {
        return field.access().map(Setting::value).orElse(access.value());
    }
}
