/**
 * Running descriptions without generating code, and testing models against each other.
 *
 * <p>{@link org.iommuc.sim.Interpreter} turns any checked description into a model on the
 * runtime's engine, with the semantics of docs/model-semantics.md. {@link
 * org.iommuc.sim.Operations} makes seeded random sequences of {@link org.iommuc.sim.Operation}s
 * from a description (register accesses, page-table writes, DMA, power), and {@link
 * org.iommuc.sim.Differential} applies one sequence to two models and reports the first event
 * where their traces part.
 */
package org.iommuc.sim;
