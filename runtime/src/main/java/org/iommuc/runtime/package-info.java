/**
 * What generated IOMMU models and the interpreter run on. It depends on nothing of iommuc's.
 *
 * <p>{@link org.iommuc.runtime.IommuEngine} is the shared engine: it owns register storage and
 * MMIO access semantics (driven by a {@link org.iommuc.runtime.RegisterMap}), the translation
 * state, the TLB and walk cache ({@link org.iommuc.runtime.TranslationCache}), physical memory
 * as the CPU and the page-table walker each see it ({@link org.iommuc.runtime.SystemMemory}),
 * faults, interrupts, power and the event {@link org.iommuc.runtime.Trace}. A model of one IOMMU
 * supplies only what its description says: the behaviour rules, the walk, the permission rules,
 * what a fault records and when interrupts are asserted. Generated models and the interpreter
 * are two such suppliers, and must produce the same trace for the same operations.
 *
 * <p>Vocabulary as in the description language: IOVA (input address), OA (output address),
 * level, entry, table, leaf, page size, walk, TLB, walk cache, invalidate; {@code first/last}
 * are inclusive.
 */
package org.iommuc.runtime;
