package org.iommuc.dsl.model;

import org.iommuc.dsl.source.Span;

/**
 * {@code banks "reg";}: one instance of the IOMMU has several register banks, one for each entry
 * of a device-tree property (Rockchip: one per memory resource of the node). Each bank is a whole
 * copy of the register map and of the hardware this description models (its own translation
 * state, TLB and faults); the banks share the page tables. The description describes one bank;
 * its sequences say how the driver reaches all of them: a register write outside a loop over the
 * banks goes to every bank, a register read must name its bank ({@code for b in banks { ... }})
 * or ask every bank ({@code all_banks(...)}, {@code any_bank(...)}).
 */
public record Banks(Text property, String doc, Span span) {}
