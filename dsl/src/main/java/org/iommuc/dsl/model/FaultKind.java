package org.iommuc.dsl.model;

/** Why a DMA transaction could not be translated. */
public enum FaultKind {
    /** The walk met an empty entry (no kind of its level matched). */
    TRANSLATION("translation"),
    /** The leaf entry does not allow the access's direction. */
    PERMISSION("permission"),
    /** The IOVA is outside the aperture or the IOVA width. */
    ADDRESS("address"),
    /** A table or page address is beyond the output-address width, or the bus failed. */
    BUS("bus"),
    /**
     * More than one TLB entry matched the access (a hardware malfunction some IOMMUs record).
     * Models never raise it: their TLB holds one entry per block and master.
     */
    MULTIHIT("multihit"),
    /**
     * The access's security state (secure / non-secure) does not match what the entry or the
     * IOMMU allows. Models never raise it: their transactions carry no security attribute.
     */
    SECURITY("security");

    private final String keyword;

    FaultKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static FaultKind fromKeyword(String word) {
        for (FaultKind k : values()) {
            if (k.keyword.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
