/**
 * The Java backend ({@link org.iommuc.generator.java.JavaBackend}): per description, a registers
 * class, one codec class per entry format and a hardware model on {@code iommuc-runtime}, built
 * with JavaPoet. Names go through one allocator ({@code JavaNames}); description text reaches
 * comments only through {@code Docs}; expressions compile with the language's total unsigned
 * semantics ({@code ExprCompiler}); the model follows docs/model-semantics.md.
 */
package org.iommuc.generator.java;
