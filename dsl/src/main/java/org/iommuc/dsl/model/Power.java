package org.iommuc.dsl.model;

import java.util.List;
import org.iommuc.dsl.source.Span;

/** Which registers return to reset when the instance is powered off. */
public record Power(boolean all, List<Ident> registers, List<Ident> except, Span span) {

    public Power {
        registers = List.copyOf(registers);
        except = List.copyOf(except);
    }

    public boolean loses(String register) {
        for (Ident e : except) {
            if (e.text().equals(register)) {
                return false;
            }
        }
        if (all) {
            return true;
        }
        for (Ident r : registers) {
            if (r.text().equals(register)) {
                return true;
            }
        }
        return false;
    }
}
