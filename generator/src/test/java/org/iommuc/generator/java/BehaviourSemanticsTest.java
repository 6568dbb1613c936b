package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.TranslationMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks of a generated model do what docs/model-semantics.md says, on a description written
 * to exercise them: rules in order (a later guard sees what an earlier rule did), field and
 * array-element assignments (cut to width, out of range ignored), {@code on read} rules,
 * computed registers cut to their width, if/else-if chains, fault handlers chosen by kind,
 * level and guard with their actions, permission rules over fields, registers and the master,
 * and interrupt lines.
 */
class BehaviourSemanticsTest {

    private static final String FEATURES = """
            iommu features {
                iova 32;
                oa 40;
                masters 4;
                registers {
                    CTRL 0x00 rw { EN 0; MODE 2:1; }
                    CMD 0x04 wo { OP 3:0; ARG 31:8; }
                    LOG 0x08 rw;
                    CNT 0x0C rw;
                    ARR[4] 0x10 stride 4 rw { LO 7:0; HI 15:8; }
                    ROOT 0x20 rw;
                    PEEK 0x24 ro;
                    INT_RAW 0x28 ro { FAULT 0; PERM 1; }
                    INT_CLR 0x2C w1c clears INT_RAW;
                    SUM 0x30 ro = LOG + CNT;
                    ALLOW 0x34 rw;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 {
                    valid 0 = 1;
                    w 1;
                    page 31:12 -> 31:12;
                    prot write -> w = 1;
                    allow write if w && master != 3;
                    allow read if ALLOW == 0 || iova < 0x8000_0000;
                }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                tlb { caches leaf; tagged iova, master; }
                behaviour {
                    on write CTRL {
                        if value.MODE == 1 {
                            translation on;
                        } else if value.MODE == 2 {
                            translation block;
                        } else {
                            translation bypass;
                        }
                    }
                    on write CMD.OP == 1 { LOG = value.ARG; }
                    on write CMD.OP == 1 if LOG == 0x11 { CNT = CNT + 1; }
                    on write CMD.OP == 2 { ARR[value.ARG].HI = 0xAB; }
                    on write CMD.OP == 3 { ARR[value.ARG] = 0x1234; }
                    on write CMD.OP == 4 { ARR[1].LO = value.ARG + 0; }
                    on write CMD.OP == 5 { invalidate tlb master(value.ARG); }
                    on write CMD.OP == 7 { fault resume; }
                    on write CMD.OP == 8 { fault abort; }
                    on write CMD.OP == 9 { reset; }
                    on write CMD.OP != 0 { CNT = CNT | 0x100; }
                    on read PEEK { CNT = CNT + 0x10000; }
                }
                fault translation at l1 if master == 2 { LOG = 0xA; stall; }
                fault translation {
                    LOG = entry;
                    ARR[master] = iova;
                    INT_RAW.FAULT = 1;
                    if write { abort; } else { stall; }
                }
                fault permission { LOG = read; INT_RAW.PERM = 1; }
                interrupt fault = INT_RAW.FAULT;
                interrupt perm = INT_RAW.PERM != 0;
            }
            """;

    private static final long L1 = 0x10_0000;
    private static final long L2 = 0x20_0000;
    private static final long IOVA = 0x1000_0000L;
    private static final long PTE = L2 + ((IOVA >>> 12) & 0x3FF) * 4;
    private static final long PA = 0x3456_7000L;

    private static Compiled compiled;
    private IommuEngine m;

    @BeforeEach
    void model() {
        if (compiled == null) {
            compiled = Compiled.ofText("features.iommu", FEATURES);
        }
        m = compiled.model(true);
    }

    private long read(long offset) {
        return m.mmioRead(offset, 32);
    }

    private void command(long op, long arg) {
        m.mmioWrite(0x04, 32, arg << 8 | op);
    }

    private void map() {
        m.cpuWrite(L1 + (IOVA >>> 22) * 4, 4, L2 | 1);
        m.cpuWrite(PTE, 4, (PA & 0xFFFF_F000L) | 0b11);
        m.mmioWrite(0x20, 32, L1);
        m.mmioWrite(0x00, 32, 1 << 1); // CTRL.MODE = 1: translation on
    }

    @Test
    void rulesRunInOrderAndALaterGuardSeesEarlierEffects() {
        command(1, 0x11);
        assertThat(read(0x08)).as("LOG = value.ARG").isEqualTo(0x11);
        assertThat(read(0x0C)).as("CNT: +1 (guard saw LOG), then | 0x100").isEqualTo(0x101);
        command(1, 0x12);
        assertThat(read(0x0C)).as("the guard fails for LOG = 0x12").isEqualTo(0x101);
    }

    @Test
    void assignmentsCutValuesAndIgnoreElementsOutOfRange() {
        command(2, 2);
        assertThat(read(0x18)).as("ARR[2].HI = 0xAB").isEqualTo(0xAB00);
        command(2, 9);
        command(3, 3);
        assertThat(read(0x1C)).as("ARR[3] = 0x1234").isEqualTo(0x1234);
        command(4, 0x1FF);
        assertThat(read(0x14)).as("ARR[1].LO is 8 bits").isEqualTo(0xFF);
        assertThat(new long[] {read(0x10), read(0x14), read(0x18), read(0x1C)}).as("ARR[9] is ignored")
                .containsExactly(0, 0xFF, 0xAB00, 0x1234);
    }

    @Test
    void readRulesAndComputedRegisters() {
        read(0x24);
        assertThat(read(0x0C)).as("on read PEEK").isEqualTo(0x10000);
        m.mmioWrite(0x08, 32, 0xFFFF_FFFFL);
        m.mmioWrite(0x0C, 32, 2);
        assertThat(read(0x30)).as("SUM = LOG + CNT, cut to 32 bits").isEqualTo(1);
    }

    @Test
    void elseIfChainsChooseTheTranslationMode() {
        m.mmioWrite(0x00, 32, 2 << 1);
        assertThat(m.translationMode()).isEqualTo(TranslationMode.BLOCK);
        assertThat(m.translate(0, IOVA, false)).isEqualTo(IommuModel.BLOCKED);
        m.mmioWrite(0x00, 32, 3 << 1);
        assertThat(m.translationMode()).isEqualTo(TranslationMode.BYPASS);
        m.mmioWrite(0x00, 32, 1 << 1);
        assertThat(m.translationMode()).isEqualTo(TranslationMode.ON);
    }

    @Test
    void permissionRulesReadFieldsRegistersAndTheMaster() {
        map();
        assertThat(m.translate(0, IOVA + 4, true)).isEqualTo(PA + 4);
        assertThat(m.translate(3, IOVA, true)).as("master 3 may not write").isEqualTo(IommuModel.FAULT);
        assertThat(m.lastFaultKind()).isEqualTo(org.iommuc.runtime.FaultKind.PERMISSION);
        assertThat(read(0x08)).as("LOG = read (0 for a write)").isZero();
        assertThat(m.faultPending()).as("no action: abort").isFalse();
        assertThat(m.interrupt(1)).as("perm line").isTrue();
        assertThat(m.interrupt(0)).as("fault line").isFalse();
        m.mmioWrite(0x34, 32, 1);
        assertThat(m.translate(1, IOVA, false)).as("ALLOW != 0 but the IOVA is low").isEqualTo(PA);
    }

    @Test
    void theFirstMatchingFaultHandlerRecordsTheFault() {
        map();
        long unmapped = 0x4000_0000L;
        assertThat(m.translate(2, unmapped, false)).isEqualTo(IommuModel.FAULT);
        assertThat(read(0x08)).as("the handler 'at l1 if master == 2'").isEqualTo(0xA);
        assertThat(m.faultPending()).isTrue();
        command(8, 0);
        assertThat(m.faultPending()).isFalse();
        assertThat(m.translate(1, unmapped, true)).isEqualTo(IommuModel.FAULT);
        assertThat(read(0x08)).as("LOG = entry (the empty level-1 entry)").isZero();
        assertThat(read(0x14)).as("ARR[master] = iova").isEqualTo(unmapped);
        assertThat(m.faultPending()).as("a write aborts").isFalse();
        assertThat(m.interrupt(0)).isTrue();
        m.mmioWrite(0x2C, 32, 1);
        assertThat(m.interrupt(0)).as("INT_CLR clears INT_RAW.FAULT").isFalse();
    }

    @Test
    void aStalledReadIsRetriedOnResume() {
        map();
        m.cpuWrite(PTE, 4, 0xDEAD_0000L);
        assertThat(m.translate(1, IOVA, false)).isEqualTo(IommuModel.FAULT);
        assertThat(read(0x08)).as("LOG = entry").isEqualTo(0xDEAD_0000L);
        assertThat(m.faultPending()).as("a read stalls").isTrue();
        assertThat(m.translate(0, IOVA, false)).isEqualTo(IommuModel.STALLED);
        m.cpuWrite(PTE, 4, (PA & 0xFFFF_F000L) | 1);
        command(7, 0);
        assertThat(m.faultPending()).as("the retry translated").isFalse();
        assertThat(m.translate(1, IOVA, false)).isEqualTo(PA);
    }

    @Test
    void tlbEntriesAreKeptPerMasterAndResetClearsEverything() {
        map();
        assertThat(m.translate(0, IOVA, false)).isEqualTo(PA);
        m.cpuWrite(PTE, 4, 0);
        assertThat(m.translate(0, IOVA, false)).as("stale TLB entry of master 0").isEqualTo(PA);
        command(5, 1);
        assertThat(m.translate(0, IOVA, false)).as("master 1 invalidated, not 0").isEqualTo(PA);
        command(5, 0);
        assertThat(m.translate(0, IOVA, true)).isEqualTo(IommuModel.FAULT);
        command(9, 0);
        assertThat(m.translationMode()).isEqualTo(TranslationMode.BYPASS);
        assertThat(read(0x08)).isZero();
        assertThat(m.faultPending()).isFalse();
    }
}
