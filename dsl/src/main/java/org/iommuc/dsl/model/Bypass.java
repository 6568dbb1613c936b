package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * {@code bypass if BYPASS.MASTER >> master & 1 == 1;}: while translation is on, a transaction
 * for which the condition is non-zero passes untranslated (its IOVA is the output address). The
 * condition is a hardware-side expression over registers, constants, {@code iova},
 * {@code master}, {@code write} and {@code read}, evaluated per transaction.
 */
public record Bypass(Expr condition, String doc, Span span) {}
