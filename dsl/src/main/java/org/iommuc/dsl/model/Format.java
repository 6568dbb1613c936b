package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * An entry format: the bit layout of one kind of page-table entry. A format written without a
 * width ({@code format pte { ... }}) amends the base description's format of that name.
 */
public record Format(
        Ident name,
        Optional<Setting<Integer>> width,
        List<EntryField> fields,
        List<AddressField> addresses,
        List<BitRange> reserved,
        List<ProtRule> prot,
        List<AllowRule> allows,
        String doc,
        Span span) {

    public Format {
        fields = List.copyOf(fields);
        addresses = List.copyOf(addresses);
        reserved = List.copyOf(reserved);
        prot = List.copyOf(prot);
        allows = List.copyOf(allows);
    }

    public int widthValue() {
        return width.map(Setting::value).orElse(32);
    }

    public boolean isAmendment() {
        return width.isEmpty();
    }

    public Optional<EntryField> field(String fieldName) {
        for (EntryField f : fields) {
            if (f.name().text().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Optional<AddressField> address() {
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.get(0));
    }

    public Optional<AllowRule> allow(Direction direction) {
        for (AllowRule rule : allows) {
            if (rule.direction() == direction) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The bits and values every entry of this format holds: its tag fields. */
    public long tagMask() {
        long mask = 0;
        for (EntryField f : fields) {
            if (f.isTag()) {
                mask |= f.bits().mask();
            }
        }
        return mask;
    }

    public long tagValue() {
        long value = 0;
        for (EntryField f : fields) {
            if (f.isTag()) {
                value |= (Exprs.constant(f.tag().get()).orElse(0) << f.bits().low()) & f.bits().mask();
            }
        }
        return value;
    }
}
