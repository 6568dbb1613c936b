package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * A field of an entry format.
 *
 * @param tag the constant this field must hold for an entry to be of this format (a valid bit
 *     {@code valid 0 = 1}, type bits {@code type 1:0 = 2}); encoding always writes it
 * @param defaultValue the value encoding writes unless told otherwise ({@code nonsec 3 default 1})
 */
public record EntryField(
        Ident name,
        BitRange bits,
        Optional<Expr> tag,
        Optional<Expr> defaultValue,
        String doc,
        List<EnumValue> values,
        Span span) {

    public EntryField {
        values = List.copyOf(values);
    }

    public boolean isTag() {
        return tag.isPresent();
    }
}
