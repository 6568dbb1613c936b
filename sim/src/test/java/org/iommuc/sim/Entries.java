package org.iommuc.sim;

import java.util.Map;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.runtime.IommuModel;

/** Page-table entries of a description's formats, written as a driver does (CPU write, then clean). */
final class Entries {

    private final Description description;
    private final IommuModel model;

    Entries(Description description, IommuModel model) {
        this.description = description;
        this.model = model;
    }

    /** An entry of a format: the address, and the prot rules of {@code prot} ("r", "w", "rw", "", or null for none). */
    long encode(String format, long address, String prot) {
        EntryCodec codec = EntryCodec.of(description.format(format).orElseThrow());
        try {
            return codec.encode(address, prot == null ? null
                    : EntryCodec.directions(prot.contains("r"), prot.contains("w")), Map.of());
        } catch (CodecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** An entry built field by field, as {@code FORMAT(FIELD = V, ...)} does. */
    long build(String format, Map<String, Long> fields) {
        return EntryCodec.of(description.format(format).orElseThrow()).build(fields);
    }

    /** Writes and cleans an entry. */
    void put(long address, int bytes, long entry) {
        model.cpuWrite(address, bytes, entry);
        model.clean(address, bytes);
    }

    void put(long address, long entry) {
        put(address, 4, entry);
    }
}
