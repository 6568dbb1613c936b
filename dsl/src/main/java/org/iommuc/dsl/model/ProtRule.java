package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/**
 * How Linux {@code IOMMU_READ}/{@code IOMMU_WRITE} are encoded: {@code prot read -> readable = 1}.
 * For a requested set of directions, a rule for exactly that set applies alone; otherwise every
 * rule for a subset applies. An empty direction list is {@code prot none}.
 */
public record ProtRule(List<Direction> directions, List<Assignment> assignments, Span span) {

    public ProtRule {
        directions = List.copyOf(directions);
        assignments = List.copyOf(assignments);
    }
}
