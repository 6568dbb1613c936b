package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * An integer expression. Values are unsigned 64-bit; comparisons and logical operators give 0
 * or 1. As written, names are {@link Name}, {@link Member}, {@link Index}, {@link Call} and
 * {@link MethodCall}; name resolution replaces them with the resolved nodes.
 */
public sealed interface Expr
        permits Num, Name, Member, Index, Call, MethodCall, Unary, Binary, Conditional,
                RegRead, ConstRef, EnumRef, VarRef, EntryFieldRef, Encode, Decode, Builtin {

    Span span();
}
