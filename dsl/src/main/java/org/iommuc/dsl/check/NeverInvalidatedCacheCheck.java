package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.CacheKind;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Ident;

/**
 * Warns about a TLB or walk cache that caches something while no behaviour rule invalidates it:
 * a driver could never remove a stale entry after unmapping (the Verisilicon review's bug).
 */
final class NeverInvalidatedCacheCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        description.tlb().ifPresent(c -> check(description, c, diagnostics));
        description.walkCache().ifPresent(c -> check(description, c, diagnostics));
    }

    private static void check(Description description, Cache cache, Diagnostics diagnostics) {
        if (cache.contents().isEmpty() || invalidated(description, cache.kind())) {
            return;
        }
        List<String> contents = new ArrayList<>();
        for (Ident c : cache.contents()) {
            contents.add(c.text());
        }
        String keyword = cache.kind().keyword();
        String name = cache.kind() == CacheKind.TLB ? "the TLB" : "the walk cache";
        diagnostics.report(Diagnostic.of(Code.W0100, cache.span(), name + " caches " + String.join(", ", contents)
                + " but no behaviour rule invalidates it; add one such as 'on write FLUSH { invalidate " + keyword
                + " all; }'"));
    }

    private static boolean invalidated(Description description, CacheKind kind) {
        for (Effect e : BehaviourSupport.ruleEffects(description)) {
            if (e instanceof Effect.Invalidate i && i.cache() == kind) {
                return true;
            }
        }
        return false;
    }
}
