package org.iommuc.models;

import java.util.Locale;
import org.iommuc.runtime.IommuModel;

/** DMA results and entries as text, so that a failed assertion reads "0x80001018" or "FAULT". */
final class Outcomes {

    private Outcomes() {}

    static String of(long value) {
        if (value == IommuModel.FAULT) {
            return "FAULT";
        }
        if (value == IommuModel.STALLED) {
            return "STALLED";
        }
        if (value == IommuModel.BLOCKED) {
            return "BLOCKED";
        }
        if (value == IommuModel.BUS_ERROR) {
            return "BUS_ERROR";
        }
        return hex(value);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
