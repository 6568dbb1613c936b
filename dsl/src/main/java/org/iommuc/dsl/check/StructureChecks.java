package org.iommuc.dsl.check;

import java.util.List;

/** Checks of the static structure: names, registers, fields, formats, levels, the walk. */
final class StructureChecks {

    private StructureChecks() {}

    static final List<Check> LIST = List.of();
}
