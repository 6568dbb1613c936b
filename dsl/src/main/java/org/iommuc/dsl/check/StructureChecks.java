package org.iommuc.dsl.check;

import java.util.List;

/** Checks of the static structure: names, registers, fields, formats, levels, the walk. */
final class StructureChecks {

    private StructureChecks() {}

    static final List<Check> LIST = List.of(
            // Names and settings
            new DuplicateNames(),
            new UnknownNames(),
            new RequiredSettings(),
            // Registers and fields
            new BitRanges(),
            new RegisterWidths(),
            new RegisterAlignment(),
            new RegisterArrays(),
            new RegisterOverlaps(),
            new RegisterViews(),
            new ComputedRegisters(),
            new FieldOverlaps(),
            new FieldBounds(),
            new EnumFits(),
            new EnumDuplicates(),
            new ResetValues(),
            // Entry formats
            new SliceOverlaps(),
            new SliceGaps(),
            new AddressWidth(),
            new SliceWidths(),
            new FormatConstants(),
            new ProtConflicts(),
            new AddressFieldCount(),
            new KindAddresses(),
            // Levels and the walk
            new LevelIndexBits(),
            new TableSizes(),
            new PageSizes(),
            new ContiguousCounts(),
            new KindTags(),
            new LevelStructure(),
            new TableAlignment(),
            new EmptyEntries(),
            new FixedIndexes());
}
