package org.iommuc.dsl.check;

import java.util.List;

/** Checks of what happens: caches, behaviour rules, faults, sequences, obligations, expressions. */
final class BehaviourChecks {

    private BehaviourChecks() {}

    static final List<Check> LIST = List.of();
}
