package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * How Linux {@code IOMMU_READ}/{@code IOMMU_WRITE} are encoded: {@code prot read -> readable = 1}.
 * For a requested set of directions, every rule whose set is contained in it applies, smaller
 * sets first ({@code none}, then {@code read} and {@code write} in the order written, then
 * {@code read | write}); a later assignment to a field overrides an earlier one. So
 * {@code prot none -> noread = 1, nowrite = 1; prot read -> noread = 0;} encodes inverted bits,
 * and {@code prot read | write -> aci = RD_WR;} overrides what the single-direction rules set.
 * An empty direction list is {@code prot none}.
 */
public record ProtRule(List<Direction> directions, List<Assignment> assignments, Span span) {

    public ProtRule {
        directions = List.copyOf(directions);
        assignments = List.copyOf(assignments);
    }
}
