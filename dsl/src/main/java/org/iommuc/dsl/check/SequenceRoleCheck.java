package org.iommuc.dsl.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Sequence;

/**
 * Warns about a sequence with a well-known name (the role generated drivers give it, listed on
 * {@link Sequence}) whose parameters do not match that role.
 */
final class SequenceRoleCheck implements Check {

    /** A role: the parameter counts it allows, what they are, and how to declare it, for the message. */
    private record Role(List<Integer> counts, String parameters, String declaration) {}

    private static final Map<String, Role> ROLES = roles();

    private static Map<String, Role> roles() {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("init", new Role(List.of(0), "no parameters", "init"));
        roles.put("enable", new Role(List.of(1), "one parameter, the root table", "enable(root)"));
        roles.put("disable", new Role(List.of(0), "no parameters", "disable"));
        roles.put("flush_all", new Role(List.of(0), "no parameters", "flush_all"));
        roles.put("flush_page", new Role(List.of(1), "one parameter, the IOVA", "flush_page(iova)"));
        roles.put("flush_range", new Role(List.of(2), "two parameters, the first and last IOVA",
                "flush_range(first, last)"));
        roles.put("fault", new Role(List.of(0), "no parameters", "fault"));
        roles.put("suspend", new Role(List.of(0), "no parameters", "suspend"));
        roles.put("resume", new Role(List.of(0, 1), "no parameters or one, the root table", "resume(root)"));
        return roles;
    }

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Sequence s : description.sequences()) {
            Role role = ROLES.get(s.name().text());
            if (role == null || role.counts().contains(s.params().size())) {
                continue;
            }
            int count = s.params().size();
            diagnostics.report(Diagnostic.of(Code.W0104, s.name().span(), "generated drivers call "
                    + s.name().text() + " with " + role.parameters() + ", but it has " + count
                    + (count == 1 ? " parameter" : " parameters") + "; declare it as '" + role.declaration()
                    + "' or rename it"));
        }
    }
}
