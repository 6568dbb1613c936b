package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.CacheContent;
import org.iommuc.dsl.model.CacheTag;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.resolve.Suggestions;

/**
 * Reports a word after {@code caches} that is neither {@code leaf}, {@code invalid},
 * {@code table} nor a level name, and a word after {@code tagged} that is not {@code iova} or
 * {@code master}.
 */
final class InvalidCacheWordCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        description.tlb().ifPresent(c -> check(description, c, diagnostics));
        description.walkCache().ifPresent(c -> check(description, c, diagnostics));
    }

    private static void check(Description description, Cache cache, Diagnostics diagnostics) {
        List<String> contents = new ArrayList<>();
        for (CacheContent c : CacheContent.values()) {
            contents.add(c.keyword());
        }
        List<String> levels = new ArrayList<>();
        for (Level l : description.levels()) {
            levels.add(l.name().text());
        }
        for (Ident word : cache.contents()) {
            if (CacheContent.fromKeyword(word.text()) == null && !levels.contains(word.text())) {
                List<String> candidates = new ArrayList<>(contents);
                candidates.addAll(levels);
                diagnostics.error(Code.E0105, word.span(), "unknown cache content '" + word.text()
                        + "'; expected leaf, invalid, table or a level name" + levelList(levels)
                        + Suggestions.hint(word.text(), candidates));
            }
        }
        List<String> tags = new ArrayList<>();
        for (CacheTag t : CacheTag.values()) {
            tags.add(t.keyword());
        }
        for (Ident word : cache.tags()) {
            if (CacheTag.fromKeyword(word.text()) == null) {
                diagnostics.error(Code.E0105, word.span(), "unknown cache tag '" + word.text()
                        + "'; expected iova or master" + Suggestions.hint(word.text(), tags));
            }
        }
    }

    private static String levelList(List<String> levels) {
        return levels.isEmpty() ? "" : " (" + String.join(", ", levels) + ")";
    }
}
