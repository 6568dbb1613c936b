package org.iommuc.benchmarks;

/**
 * Writes a valid description of any size, for benchmarks: the core of a Rockchip-like IOMMU
 * (command and interrupt registers, a two-level walk of 32-bit entries, a TLB, behaviour,
 * faults, driver sequences, obligations) plus as many per-master control registers as it takes
 * to reach the asked number of registers.
 *
 * <p>Every part of the work grows with the size: each generated register has fields and an
 * enum, a behaviour rule that triggers on it, and is written by a configuration sequence (one
 * sequence per {@link #REGISTERS_PER_SEQUENCE} registers). So a front end whose cost per
 * register grows with the number of registers (a linear name lookup per reference, a pairwise
 * check) shows it at once.
 *
 * <p>Use: {@code String text = DescriptionGenerator.generate(10_000);}
 */
public final class DescriptionGenerator {

    /** Registers of the fixed core; {@link #generate} adds per-master registers to these. */
    public static final int CORE_REGISTERS = 9;
    /** Generated registers written by one configuration sequence. */
    public static final int REGISTERS_PER_SEQUENCE = 16;
    /** Offset of the first generated register. */
    private static final int FIRST_MASTER_OFFSET = 0x1000;

    private DescriptionGenerator() {}

    /** A description with exactly {@code registers} registers (at least {@link #CORE_REGISTERS}). */
    public static String generate(int registers) {
        if (registers < CORE_REGISTERS) {
            throw new IllegalArgumentException("at least " + CORE_REGISTERS + " registers, not " + registers);
        }
        int masters = registers - CORE_REGISTERS;
        StringBuilder out = new StringBuilder(400 * registers + 8_000);
        header(out, registers);
        registers(out, masters);
        formatsAndWalk(out);
        behaviour(out, masters);
        faultsAndSequences(out);
        configurationSequences(out, masters);
        out.append("""
                    obligations {
                        map: flush_page(first), flush_page(last);
                        unmap: flush_page(each);
                    }
                }
                """);
        return out.toString();
    }

    /** The name of generated register {@code i} (0-based). */
    public static String masterRegister(int i) {
        return String.format("MASTER_%05d_CTRL", i);
    }

    private static void header(StringBuilder out, int registers) {
        out.append("/// A generated IOMMU with ").append(registers).append(" registers (benchmark input).\n")
                .append("iommu generated_").append(registers).append(" {\n")
                .append("""
                    compatible "iommuc,generated";
                    iova 32;
                    oa 32;
                    aperture 0x0 ..= 0xFFFF_FFFF;
                    power loses all;

                    const POLL_PERIOD = 100us;
                    const POLL_TIMEOUT = 1ms;

                """);
    }

    private static void registers(StringBuilder out, int masters) {
        out.append("""
                    registers width 32 {
                        DTE_ADDR 0x00 rw reset 0;
                        STATUS 0x04 ro {
                            PAGING_ENABLED 0;
                            PAGE_FAULT_ACTIVE 1;
                            STALL_ACTIVE 2;
                            PAGE_FAULT_IS_WRITE 5;
                        }
                        COMMAND 0x08 wo {
                            CMD 2:0 enum {
                                ENABLE_PAGING = 0,
                                DISABLE_PAGING = 1,
                                ENABLE_STALL = 2,
                                DISABLE_STALL = 3,
                                ZAP_CACHE = 4,
                                PAGE_FAULT_DONE = 5,
                            }
                        }
                        PAGE_FAULT_ADDR 0x0C ro;
                        ZAP_ONE_LINE 0x10 wo;
                        INT_RAWSTAT 0x14 ro { PAGE_FAULT 0; BUS_ERROR 1; }
                        INT_CLEAR 0x18 w1c clears INT_RAWSTAT { PAGE_FAULT 0; BUS_ERROR 1; }
                        INT_MASK 0x1C rw { PAGE_FAULT 0; BUS_ERROR 1; }
                        INT_STATUS 0x20 ro = INT_RAWSTAT & INT_MASK { PAGE_FAULT 0; BUS_ERROR 1; }
                """);
        for (int i = 0; i < masters; i++) {
            out.append(String.format("""
                            /// Translation control of master %d.
                            %s 0x%X rw reset 0 {
                                ENABLE 0;
                                MODE 3:1 enum { BYPASS = 0, TRANSLATE = 1, BLOCK = 2 };
                                PRIORITY 7:4;
                                STREAM 31:16;
                            }
                    """, i, masterRegister(i), FIRST_MASTER_OFFSET + 4 * i));
        }
        out.append("    }\n\n");
    }

    private static void formatsAndWalk(StringBuilder out) {
        out.append("""
                    format dte : u32 {
                        valid 0 = 1;
                        reserved 11:1;
                        table 31:12 -> 31:12;
                    }

                    format pte : u32 {
                        valid 0 = 1;
                        readable 1;
                        writable 2;
                        reserved 11:3;
                        page 31:12 -> 31:12;

                        prot read -> readable = 1;
                        prot write -> writable = 1;
                        allow read if readable;
                        allow write if writable;
                    }

                    walk {
                        root dte(DTE_ADDR).table;
                        level dt index iova 31:22 size 4K align 4K : dte table;
                        level pt index iova 21:12 size 4K align 4K : pte leaf 4K;
                        empty dt fault;
                        empty pt fault clear valid;
                        walker noncoherent;
                    }

                    tlb {
                        caches leaf, invalid;
                        tagged iova;
                    }

                """);
    }

    private static void behaviour(StringBuilder out, int masters) {
        out.append("""
                    behaviour {
                        on write COMMAND.CMD == ENABLE_PAGING {
                            translation on;
                            STATUS.PAGING_ENABLED = 1;
                        }
                        on write COMMAND.CMD == DISABLE_PAGING {
                            translation bypass;
                            STATUS.PAGING_ENABLED = 0;
                        }
                        on write COMMAND.CMD == ENABLE_STALL if STATUS.PAGING_ENABLED == 1 {
                            stall on;
                            STATUS.STALL_ACTIVE = 1;
                        }
                        on write COMMAND.CMD == DISABLE_STALL {
                            stall off;
                            STATUS.STALL_ACTIVE = 0;
                        }
                        on write COMMAND.CMD == ZAP_CACHE {
                            invalidate tlb all;
                        }
                        on write COMMAND.CMD == PAGE_FAULT_DONE {
                            fault resume;
                            STATUS.PAGE_FAULT_ACTIVE = 0;
                        }
                        on write ZAP_ONE_LINE {
                            invalidate tlb page(value);
                        }
                """);
        for (int i = 0; i < masters; i++) {
            out.append("        on write ").append(masterRegister(i)).append(".MODE == BYPASS {\n")
                    .append("            invalidate tlb all;\n")
                    .append("        }\n");
        }
        out.append("    }\n\n");
    }

    private static void faultsAndSequences(StringBuilder out) {
        out.append("""
                    fault translation, permission {
                        PAGE_FAULT_ADDR = iova;
                        STATUS.PAGE_FAULT_ACTIVE = 1;
                        STATUS.PAGE_FAULT_IS_WRITE = write;
                        INT_RAWSTAT.PAGE_FAULT = 1;
                        stall;
                    }
                    fault bus {
                        INT_RAWSTAT.BUS_ERROR = 1;
                        abort;
                    }

                    interrupt irq = INT_STATUS != 0;

                    sequence enable_stall {
                        if STATUS.STALL_ACTIVE == 0 && STATUS.PAGING_ENABLED == 1 {
                            write COMMAND.CMD = ENABLE_STALL;
                            poll STATUS.STALL_ACTIVE == 1 every POLL_PERIOD timeout POLL_TIMEOUT;
                        }
                    }

                    sequence disable_stall {
                        write COMMAND.CMD = DISABLE_STALL;
                        poll STATUS.STALL_ACTIVE == 0 every POLL_PERIOD timeout POLL_TIMEOUT;
                    }

                    sequence enable(dt) {
                        call enable_stall;
                        write DTE_ADDR = dte(table = dt);
                        write COMMAND.CMD = ZAP_CACHE;
                        write INT_MASK = 0x3;
                        write COMMAND.CMD = ENABLE_PAGING;
                        poll STATUS.PAGING_ENABLED == 1 every POLL_PERIOD timeout POLL_TIMEOUT;
                        call disable_stall;
                    }

                    sequence disable {
                        call enable_stall;
                        write COMMAND.CMD = DISABLE_PAGING;
                        poll STATUS.PAGING_ENABLED == 0 every POLL_PERIOD timeout POLL_TIMEOUT;
                        write INT_MASK = 0;
                        write DTE_ADDR = 0;
                        call disable_stall;
                    }

                    sequence flush_all {
                        write COMMAND.CMD = ZAP_CACHE;
                    }

                    sequence flush_page(iova) {
                        write ZAP_ONE_LINE = iova;
                    }

                    sequence fault {
                        let status = INT_STATUS;
                        if status == 0 {
                            return;
                        }
                        if status & 0x1 != 0 {
                            report fault(iova = PAGE_FAULT_ADDR, write = STATUS.PAGE_FAULT_IS_WRITE);
                            write COMMAND.CMD = ZAP_CACHE;
                            write COMMAND.CMD = PAGE_FAULT_DONE;
                        }
                        write INT_CLEAR = status;
                    }

                    sequence suspend {
                        call disable;
                    }

                    sequence resume(dt) {
                        call enable(dt);
                    }

                """);
    }

    /** One sequence per group of generated registers, writing each: a reference per register. */
    private static void configurationSequences(StringBuilder out, int masters) {
        for (int first = 0; first < masters; first += REGISTERS_PER_SEQUENCE) {
            out.append("    sequence configure_masters_").append(first).append(" {\n");
            for (int i = first; i < Math.min(masters, first + REGISTERS_PER_SEQUENCE); i++) {
                out.append("        write ").append(masterRegister(i)).append(".MODE = TRANSLATE;\n");
            }
            out.append("    }\n\n");
        }
    }
}
