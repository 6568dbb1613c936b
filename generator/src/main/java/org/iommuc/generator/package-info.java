/**
 * Backends that turn a checked description into source files, and the one writer that puts
 * them on disk ({@link org.iommuc.generator.OutputWriter}). Generators are pure: a description
 * in, files as text out, problems as diagnostics.
 */
package org.iommuc.generator;
