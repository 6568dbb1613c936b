package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** {@code target.method(args)}, before resolution: {@code REG.bit(n)}, {@code x.bits(h, l)}. */
public record MethodCall(Expr target, Ident method, List<Arg> args, Span span) implements Expr {

    public MethodCall {
        args = List.copyOf(args);
    }
}
