/**
 * The description model: immutable records, each with the {@link org.iommuc.dsl.source.Span} it
 * was written at. Nothing here knows about ANTLR.
 *
 * <h2>Vocabulary</h2>
 * One set of words is used in the language, this model, generated Java and C, and the docs:
 * <ul>
 *   <li><b>IOVA</b>: the input address a master puts on the bus; <b>OA</b>: the output (physical)
 *       address the IOMMU produces.</li>
 *   <li><b>entry</b>: one word of a page table; its <b>format</b> names its fields. A
 *       <b>table</b> entry points at the table of the next level, a <b>leaf</b> entry maps a
 *       page. An entry matches a <b>kind</b> of its level when its tag bits hold their constants;
 *       an entry matching no kind is <b>empty</b>.</li>
 *   <li><b>level</b>: one step of the <b>walk</b>, indexed by some IOVA bits (or a fixed index).
 *       The walk starts at the <b>root</b>.</li>
 *   <li><b>page size</b> in bytes; values in log2 carry the suffix {@code Lg2}.</li>
 *   <li><b>TLB</b> caches translations; the <b>walk cache</b> caches table entries. Software
 *       <b>invalidates</b> them; an <b>obligation</b> says which invalidation a page-table change
 *       needs.</li>
 *   <li>Ranges: {@code start/end} are half-open, {@code first/last} are inclusive.</li>
 * </ul>
 *
 * <h2>Phases</h2>
 * The builder produces one {@link org.iommuc.dsl.model.Description} per {@code iommu} as written
 * (expressions hold {@link org.iommuc.dsl.model.Name} references); {@code extends} merging turns a
 * derived description into a complete one; name resolution replaces references with resolved
 * nodes ({@link org.iommuc.dsl.model.RegRead}, {@link org.iommuc.dsl.model.ConstRef}, ...). After
 * the checks pass, every expression in a description is resolved and every constant expression
 * can be evaluated with {@link org.iommuc.dsl.model.Exprs#constant}.
 */
package org.iommuc.dsl.model;
