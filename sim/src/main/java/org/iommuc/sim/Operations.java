package org.iommuc.sim;

import java.util.List;
import org.iommuc.dsl.model.Description;

/**
 * Seeded random operation sequences that exercise a model of a description hard but sensibly,
 * for differential runs ({@link Differential}): a generated model against the interpreter, or
 * two versions of one model. A sequence depends only on the seed and the description, never on
 * a model's state, so one list can be applied to any number of models.
 *
 * <h2>What the operations do, and the bias</h2>
 * The sequence plays a driver that does not read the hardware back:
 * <ul>
 *   <li><b>Setup.</b> Shared pages and tables ({@code shared}) and a root table are allocated
 *       from 16 MiB up (below the tables' output width), the slots the harness uses filled with
 *       each level's empty entry ({@code empty LEVEL = ...}); a couple of dozen pages are mapped;
 *       then the <b>enable block</b> runs.</li>
 *   <li><b>Enable block</b> (at the start, after most power-ons and resets, and now and
 *       then): the register writes that make the {@code root} expression give the root table
 *       (an inversion of {@code REG}, {@code REG.F}, {@code REG << n}, {@code fmt(REG).table},
 *       {@code HI << n | LO}); all ones into the writable registers the interrupt conditions
 *       read (interrupt enables and masks); zeros into the plain writable registers the
 *       {@code bypass if} condition reads (sun50i's BYPASS: no master bypasses, as its driver
 *       writes; a random register write turns bypass on until the next enable block); a write
 *       that invalidates the whole TLB; a write
 *       whose rules turn translation on; and one that turns stall off. Those writes use the
 *       values the description's own rules compare against ({@code COMMAND.CMD ==
 *       ENABLE_PAGING}) or test {@code value} for in their conditions, each classified by the
 *       effects it reaches with the registers at reset.</li>
 *   <li><b>Page tables</b> (about 13% of the steps): maps and unmaps in a universe of six
 *       regions of 64 consecutive last-level slots at random places of the aperture, with
 *       entries encoded by {@code EntryCodec} for the description's formats: table entries
 *       linking new tables, leaves of a random kind of their level (an upper-level leaf such as
 *       a section about one time in seven, contiguous leaves written to all their slots) at
 *       random page addresses below the output width, with random prot (half read-write),
 *       unmaps as the level's empty rule says, and rarely a garbage entry. One write in seven
 *       is not cleaned, so a non-coherent walker sees stale entries.</li>
 *   <li><b>DMA</b> (about 63%): mostly to pages the harness mapped, three times in four to one
 *       of four hot (master, page) pairs that move now and then, so that the TLB hits; else to
 *       any page of the universe, sometimes anywhere in the aperture, outside it, or beyond the
 *       IOVA width; a random offset and direction; a random master, one time in a hundred one
 *       beyond {@code masters}. A DMA the harness expects to fault (its page unmapped, or
 *       encoded without the direction) is followed two times in five by a fault fix: the page
 *       mapped read-write, invalidated (a write of the IOVA to a register whose rule
 *       invalidates by {@code value}, else the trigger with the most invalidations), and a
 *       write that resumes a stalled fault.</li>
 *   <li><b>Finishing faults</b> (4%): as a driver's fault handler, four times in five every
 *       page of the last eight DMAs and the last sixteen expected faults is made to translate
 *       (mapped read-write where a fault is expected) and invalidated, then a resume is written;
 *       else only a resume, or an abort. (The harness cannot read which transaction waits, so
 *       it fixes every suspect.)</li>
 *   <li><b>Other rule triggers</b>: invalidations (2.5%), stall off (2%) and on (0.3%),
 *       translation on (1.2%) and off (0.4%), reset (0.1%).</li>
 *   <li><b>Other registers</b>: writes outside the root registers (5%, one in ten to a register
 *       with rules; values from the rules' comparisons and conditions, enum values, 0, all ones,
 *       random bits, one bit, universe IOVAs and page masks), all ones into {@code w1c} and
 *       {@code clears} registers (1.5%), reads (4%, a third of them of registers with
 *       {@code on read} rules), bus errors: unmapped offsets, misaligned offsets and wrong
 *       widths (0.8%), and rarely (0.3%) garbage in the root registers for a few DMAs (walks
 *       into random memory or beyond the output width) before the enable block restores
 *       them.</li>
 *   <li><b>Power</b> (0.1%): power off, up to three operations while off, power on, usually
 *       followed by the enable block (as a driver's resume).</li>
 * </ul>
 */
public final class Operations {

    private Operations() {}

    /** {@code count} operations for a checked description: the same list for the same seed and description. */
    public static List<Operation> random(Description description, long seed, int count) {
        if (count <= 0) {
            return List.of();
        }
        return new RandomOperations(new CompiledDescription(description), seed, count).run();
    }
}
