package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import java.util.Optional;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.CacheKind;
import org.iommuc.dsl.model.CacheTag;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.InvalidateScope;

/**
 * Reports an {@code invalidate tlb} or {@code invalidate walkcache} of a cache the description
 * does not have, and an invalidation by master of a cache not tagged by master (its entries
 * belong to no master, so the invalidation could only remove all of them or none).
 */
final class MissingCacheInvalidationCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Effect> effects = new ArrayList<>(BehaviourSupport.ruleEffects(description));
        effects.addAll(BehaviourSupport.faultEffects(description));
        for (Effect effect : effects) {
            if (!(effect instanceof Effect.Invalidate i)) {
                continue;
            }
            Optional<Cache> cache = i.cache() == CacheKind.TLB ? description.tlb() : description.walkCache();
            String what = i.cache() == CacheKind.TLB ? "TLB" : "walk cache";
            if (cache.isPresent() && i.scope() == InvalidateScope.MASTER && !taggedByMaster(cache.get())) {
                diagnostics.error(Code.E0506, i.span(), "'invalidate " + i.cache().keyword() + " master(...)' needs a "
                        + what + " tagged by master; add 'master' to its 'tagged' list, or invalidate it another way");
            }
            if (cache.isEmpty()) {
                String block = i.cache().keyword();
                diagnostics.error(Code.E0506, i.span(), "'invalidate " + block + "' needs a '" + block
                        + " { ... }' block saying what the " + what + " caches; this description has none");
            }
        }
    }

    private static boolean taggedByMaster(Cache cache) {
        return cache.tags().stream().anyMatch(t -> t.text().equals(CacheTag.MASTER.keyword()));
    }
}
