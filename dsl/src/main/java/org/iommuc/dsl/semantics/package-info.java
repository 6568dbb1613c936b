/**
 * What a checked description means, as executable reference semantics: entry encoding and
 * decoding ({@link org.iommuc.dsl.semantics.EntryCodec}), expression evaluation
 * ({@link org.iommuc.dsl.semantics.Evaluator}) with the language's total run-time arithmetic
 * ({@link org.iommuc.dsl.model.TotalOps}), and the walk's geometry
 * ({@link org.iommuc.dsl.semantics.WalkGeometry}). The command line, the interpreter and the
 * tests of generated code all use these classes, so there is one definition of each meaning.
 */
package org.iommuc.dsl.semantics;
