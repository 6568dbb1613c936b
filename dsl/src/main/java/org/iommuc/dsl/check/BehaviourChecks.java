package org.iommuc.dsl.check;

import java.util.List;

/** Checks of what happens: caches, behaviour rules, faults, sequences, obligations, expressions. */
final class BehaviourChecks {

    private BehaviourChecks() {}

    static final List<Check> LIST = List.of(
            new InvalidCacheWordCheck(),
            new InvalidCacheSizeCheck(),
            new ConstantArithmeticCheck(),
            new NonConstantCheck(),
            new ReadOnlyWriteCheck(),
            new WriteOnlyReadCheck(),
            new MisplacedStatementCheck(),
            new TooWideValueCheck(),
            new MissingCacheInvalidationCheck(),
            new RecursiveSequenceCheck(),
            new InvalidTimeCheck(),
            new ConflictingFaultActionCheck(),
            new InvalidObligationCheck(),
            new NeverInvalidatedCacheCheck(),
            new UncheckedPermissionCheck(),
            new UnresumedStallCheck(),
            new UnchangingPollCheck(),
            new SequenceRoleCheck(),
            new UnraisableInterruptCheck(),
            new DecidedComparisonCheck(),
            new ComputedCycleCheck(),
            new ArrayIndexCheck(),
            new LoopStepCheck(),
            new BankCheck(),
            new DevicePropertyCheck(),
            new EmptyLoopCheck(),
            new UntriggerableRuleCheck(),
            new BareFailCheck(),
            new ConstantBypassCheck());
}
