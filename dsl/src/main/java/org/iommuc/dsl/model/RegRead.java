package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * A resolved read of a register, an element of a register array, or one field of either. In a
 * behaviour rule the register's value is the one after the triggering access took effect.
 */
public record RegRead(String register, Optional<Expr> index, Optional<String> field, Span span)
        implements Expr {}
