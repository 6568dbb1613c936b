package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;

/** Every semantic check, in the order they run. */
public final class Checks {

    private Checks() {}

    public static List<Check> all() {
        List<Check> all = new ArrayList<>();
        all.addAll(StructureChecks.LIST);
        all.addAll(BehaviourChecks.LIST);
        return all;
    }

    public static void run(Description description, Diagnostics diagnostics) {
        for (Check check : all()) {
            check.check(description, diagnostics);
        }
    }
}
