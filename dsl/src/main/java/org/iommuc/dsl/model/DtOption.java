package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * A boolean device-tree property the driver reads at probe, which sequences can test by name:
 * {@code option reset_disabled "rockchip,disable-mmu-reset";} is 1 when the IOMMU's node has
 * the property (a boolean property), else 0.
 */
public record DtOption(Ident name, Text property, String doc, Span span) {}
