package org.iommuc.dsl.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;

/**
 * Reports two entry kinds of one level that one entry could match both of: the walker tells kinds
 * apart only by tag bits (Exynos LV1: type 1 = link, 2 = section; LV2: 1 = large, bit 1 = small,
 * facts 4.2), so on some bit both kinds tag they must require different values.
 */
final class KindTags implements Check {

    /**
     * The tag bits of a kind's format and the values they must hold.
     *
     * @param known false when a tag's bits or value are invalid (reported elsewhere), so no
     *     conclusion should be drawn from the tags
     */
    record Tags(long mask, long value, boolean known) {

        static Tags of(Format format) {
            long mask = 0;
            long value = 0;
            boolean known = true;
            for (EntryField f : format.fields()) {
                if (!f.isTag()) {
                    continue;
                }
                OptionalLong constant = Exprs.constant(f.tag().get());
                if (!StructureSupport.validBits(f.bits()) || constant.isEmpty()
                        || !StructureSupport.fits(constant.getAsLong(), f.bits().width())) {
                    known = false;
                    continue;
                }
                mask |= f.bits().mask();
                value |= constant.getAsLong() << f.bits().low();
            }
            return new Tags(mask, value, known);
        }

        /** True when some entry could match both: on every bit both tag, they require the same value. */
        boolean indistinguishableFrom(Tags other) {
            long common = mask & other.mask;
            return (value & common) == (other.value & common);
        }
    }

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Level level : description.levels()) {
            List<EntryKind> kinds = level.kinds();
            for (int later = 1; later < kinds.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    if (compare(description, level, kinds.get(earlier), kinds.get(later), diagnostics)) {
                        break;
                    }
                }
            }
        }
    }

    /** Reports the pair if it cannot be told apart; true when it did. */
    private static boolean compare(Description description, Level level, EntryKind earlier, EntryKind later,
            Diagnostics diagnostics) {
        Optional<Format> first = StructureSupport.format(description, earlier);
        Optional<Format> second = StructureSupport.format(description, later);
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        Tags a = Tags.of(first.get());
        Tags b = Tags.of(second.get());
        if (!a.known() || !b.known() || !a.indistinguishableFrom(b)) {
            return false;
        }
        String names = "entry kinds " + name(later) + " and " + name(earlier) + " of level " + level.name().text();
        String why;
        if (first.get() == second.get()) {
            why = "they are the same format";
        } else if (a.mask() == 0 || b.mask() == 0) {
            String untagged = (b.mask() == 0 ? later : earlier).format().text();
            why = "format " + untagged + " has no tag bits (such as 'type 1:0 = 2'), so any entry matches it";
        } else if ((a.mask() & b.mask()) == 0) {
            why = "they tag different bits, so an entry can hold both tags";
        } else {
            why = "on the bits both tag (" + bitsOf(a.mask() & b.mask()) + ") they require the same values";
        }
        diagnostics.error(Code.E0406, later.format().span(), names + " cannot be told apart: " + why,
                new Note(earlier.format().span(), "the other kind is here"));
        return true;
    }

    private static String name(EntryKind kind) {
        return kind.format().text() + (kind.leaf() ? " leaf" : " table");
    }

    /** "bits 1:0" or "bits 3, 1:0" for a mask. */
    static String bitsOf(long mask) {
        return (Long.bitCount(mask) == 1 ? "bit " : "bits ") + BitRange.ranges(mask);
    }
}
