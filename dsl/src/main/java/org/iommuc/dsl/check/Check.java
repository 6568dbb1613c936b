package org.iommuc.dsl.check;

import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;

/**
 * One semantic check. A check looks at a complete, resolved description and reports what is
 * wrong into the sink; it never prints and never throws. Each check is one small class whose
 * Javadoc says in one sentence what it reports.
 */
public interface Check {

    void check(Description description, Diagnostics diagnostics);
}
