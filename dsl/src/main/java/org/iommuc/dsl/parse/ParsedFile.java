package org.iommuc.dsl.parse;

import org.antlr.v4.runtime.CommonTokenStream;
import org.iommuc.dsl.parser.IommuParser;
import org.iommuc.dsl.source.SourceFile;

/**
 * A parse tree and its tokens. Package-private use only: the parse tree never leaves {@code dsl}.
 *
 * @param tree the tree, or null when the file could not be parsed at all
 */
public record ParsedFile(SourceFile source, CommonTokenStream tokens, IommuParser.FileContext tree) {

    /** Channel of {@code ///} doc comments. */
    public static final int DOC_CHANNEL = 2;
    /** Channel of {@code //} and block comments. */
    public static final int COMMENT_CHANNEL = 3;
}
