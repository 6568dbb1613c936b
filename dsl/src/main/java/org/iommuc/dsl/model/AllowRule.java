package org.iommuc.dsl.model;

import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * When the hardware allows an access through a leaf entry: {@code allow write if writable}.
 * An empty condition is {@code always}; a direction without a rule is always allowed.
 */
public record AllowRule(Direction direction, Optional<Expr> condition, Span span) {}
