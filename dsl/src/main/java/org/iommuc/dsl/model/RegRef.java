package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/** The target of a write or assignment, or the trigger of a rule: {@code REG[i].FIELD}. */
public record RegRef(Ident register, Optional<Expr> index, Optional<Ident> field, Span span) {

    public String text() {
        return register.text() + field.map(f -> "." + f.text()).orElse("");
    }
}
