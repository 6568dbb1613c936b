/**
 * The iommuc Maven plugin: goal {@code iommuc:generate} turns the IOMMU descriptions of a
 * project into Java models at generate-sources, through the same front end, backend and
 * writer as {@code iommuc generate} ({@link org.iommuc.generator.Generation}), and skips the
 * work when nothing changed ({@link org.iommuc.maven.Stamp}).
 */
package org.iommuc.maven;
