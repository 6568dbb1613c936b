package org.iommuc.runtime;

/** Why a DMA transaction could not be translated (as in the description language). */
public enum FaultKind {
    /** The walk met an empty entry, or the TLB holds a cached empty one. */
    TRANSLATION,
    /** The leaf entry does not allow the access's direction. */
    PERMISSION,
    /** The IOVA is outside the aperture or the IOVA width. */
    ADDRESS,
    /** A table address is beyond the output-address width. */
    BUS,
    /** More than one TLB entry matched (described for the record; the engine never raises it). */
    MULTIHIT,
    /** The access's security state is not allowed (described for the record; the engine never raises it). */
    SECURITY;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
