package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.runtime.Event;
import org.iommuc.runtime.FaultAction;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.sim.Differential;
import org.iommuc.sim.Interpreter;
import org.iommuc.sim.Operations;
import org.iommuc.sim.SimOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code redirect ADDRESS;} in a generated model: as the handler's last top-level action (the
 * address evaluated where it stands, later effects still run) and inside an {@code if} chain
 * with other actions; an address beyond the output width is a bus error. The interpreter agrees
 * event for event on random operations that reach redirected transactions.
 */
class RedirectSemanticsTest {

    private static final String TEXT = """
            iommu redirects {
                iova 32;
                oa 40;
                masters 2;
                registers {
                    ROOT 0x00 rw;
                    CTRL 0x04 rw { EN 0; SEL 2:1; }
                    BUF 0x08 rw;
                    LOG 0x0C rw;
                    INT_RAW 0x10 ro { FAULT 0; PERM 1; }
                    INT_CLR 0x14 w1c clears INT_RAW;
                }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 {
                    valid 0 = 1;
                    w 1;
                    page 31:12 -> 31:12;
                    prot write -> w = 1;
                    allow write if w;
                }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                tlb { caches leaf, invalid; }
                behaviour {
                    on write CTRL { if value.EN == 1 { translation on; } else { translation bypass; } }
                    on write INT_CLR { invalidate tlb all; }
                }
                fault permission {
                    INT_RAW.PERM = 1;
                    redirect BUF + (iova & 0xFFF);
                    BUF = 0;
                }
                fault translation {
                    INT_RAW.FAULT = 1;
                    LOG = iova;
                    if CTRL.SEL == 1 {
                        redirect BUF;
                    } else if CTRL.SEL == 2 {
                        redirect BUF * 0x1000;
                    } else {
                        abort;
                    }
                }
                interrupt irq = INT_RAW != 0;
            }
            """;

    private static final long L1 = 0x10_0000;
    private static final long L2 = 0x20_0000;
    private static final long IOVA = 0x1000_0000L;

    private static Compiled compiled;
    private IommuEngine m;
    private final RecordingTrace trace = new RecordingTrace();

    @BeforeEach
    void model() {
        if (compiled == null) {
            compiled = Compiled.ofText("redirects.iommu", TEXT);
        }
        m = compiled.model(true);
        m.setTrace(trace);
        m.cpuWrite(L1 + (IOVA >>> 22) * 4, 4, L2 | 1);
        m.cpuWrite(L2 + ((IOVA >>> 12) & 0x3FF) * 4, 4, 0x3456_7000L | 1);
        m.mmioWrite(0x00, 32, L1);
    }

    @Test
    void aTopLevelRedirectUsesTheAddressAtItsPlaceAndLaterEffectsStillRun() {
        m.mmioWrite(0x08, 32, 0x8_0000);
        m.mmioWrite(0x04, 32, 1);
        assertThat(m.translate(0, IOVA + 0x123, true)).isEqualTo(0x8_0123L);
        assertThat(m.interrupt(0)).as("the interrupt is updated after a redirect").isTrue();
        assertThat(m.mmioRead(0x08, 32)).as("BUF = 0 ran after the redirect").isZero();
        assertThat(trace.text()).contains("dma m0 write 0x10000123 -> permission fault at level 1, redirect to 0x80123");
    }

    @Test
    void aRedirectInAnIfChainIsChosenByItsCondition() {
        m.mmioWrite(0x08, 32, 0x9_0000);
        m.mmioWrite(0x04, 32, 1 | 1 << 1);
        long unmapped = 0x2000_0000L;
        assertThat(m.translate(1, unmapped, false)).as("SEL 1").isEqualTo(0x9_0000L);
        assertThat(m.faultPending()).isFalse();
        m.mmioWrite(0x04, 32, 1 | 2 << 1);
        assertThat(m.translate(1, unmapped, false)).as("SEL 2").isEqualTo(0x9000_0000L);
        m.mmioWrite(0x08, 32, 0x1000_0000L);
        assertThat(m.translate(1, unmapped, false)).as("SEL 2, beyond 40 bits").isEqualTo(IommuModel.BUS_ERROR);
        m.mmioWrite(0x04, 32, 1);
        assertThat(m.translate(1, unmapped, false)).as("SEL 0").isEqualTo(IommuModel.FAULT);
        assertThat(m.mmioRead(0x0C, 32)).isEqualTo(unmapped);
    }

    @Test
    void theInterpreterAgreesOnRandomOperationsThatRedirect() {
        IommuEngine generated = compiled.model(true);
        IommuEngine interpreted = Interpreter.model(compiled.description, new SimOptions(true));
        Differential.Result result = Differential.run(generated, interpreted,
                Operations.random(compiled.description, 20261205L, 20_000));
        assertThat(result.same()).as(result.report()).isTrue();

        IommuEngine counted = compiled.model(true);
        RecordingTrace all = new RecordingTrace();
        counted.setTrace(all);
        Operations.random(compiled.description, 20261205L, 20_000).forEach(op -> op.applyTo(counted));
        long redirected = all.events().stream()
                .filter(e -> e instanceof Event.Dma d && d.action() == FaultAction.REDIRECT).count();
        assertThat(redirected).as("redirected transactions in the random run").isGreaterThan(20);
    }
}
