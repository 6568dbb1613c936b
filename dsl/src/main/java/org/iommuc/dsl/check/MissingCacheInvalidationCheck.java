package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.CacheKind;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;

/** Reports an {@code invalidate tlb} or {@code invalidate walkcache} of a cache the description does not have. */
final class MissingCacheInvalidationCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Effect> effects = new ArrayList<>(BehaviourSupport.ruleEffects(description));
        effects.addAll(BehaviourSupport.faultEffects(description));
        for (Effect effect : effects) {
            if (!(effect instanceof Effect.Invalidate i)) {
                continue;
            }
            boolean present = i.cache() == CacheKind.TLB ? description.tlb().isPresent()
                    : description.walkCache().isPresent();
            if (!present) {
                String block = i.cache().keyword();
                diagnostics.error(Code.E0506, i.span(), "'invalidate " + block + "' needs a '" + block
                        + " { ... }' block saying what the " + (i.cache() == CacheKind.TLB ? "TLB" : "walk cache")
                        + " caches; this description has none");
            }
        }
    }
}
