package org.iommuc.sim;

import java.util.Locale;
import org.iommuc.runtime.IommuModel;

/**
 * One thing software or a device does to an IOMMU model: what {@link Operations} generates and
 * {@link Differential} applies to two models. Each operation is plain data, so one list can be
 * applied to any number of models, printed, and stored.
 */
public sealed interface Operation {

    /** Applies the operation to a model; its result is visible in the model's trace. */
    void applyTo(IommuModel model);

    /** A register write by software. */
    record MmioWrite(long offset, int width, long value) implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.mmioWrite(offset, width, value);
        }

        @Override
        public String toString() {
            return "mmio write @" + hex(offset) + " (" + width + " bits) = " + hex(value);
        }
    }

    /** A register read by software. */
    record MmioRead(long offset, int width) implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.mmioRead(offset, width);
        }

        @Override
        public String toString() {
            return "mmio read @" + hex(offset) + " (" + width + " bits)";
        }
    }

    /** A DMA access of a master. */
    record Dma(int master, long iova, boolean write) implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.translate(master, iova, write);
        }

        @Override
        public String toString() {
            return "dma m" + master + " " + (write ? "write " : "read ") + hex(iova);
        }
    }

    /** A CPU write to memory: a page-table update by the driver. */
    record CpuWrite(long address, int bytes, long value) implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.cpuWrite(address, bytes, value);
        }

        @Override
        public String toString() {
            return "cpu write " + hex(address) + " = " + hex(value) + " (" + bytes + " bytes)";
        }
    }

    /** A cache clean of a memory range (dma_sync_single_for_device). */
    record Clean(long address, long length) implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.clean(address, length);
        }

        @Override
        public String toString() {
            return "clean " + hex(address) + " +" + length;
        }
    }

    /** The instance loses power. */
    record PowerOff() implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.powerOff();
        }

        @Override
        public String toString() {
            return "power off";
        }
    }

    /** The instance is powered again. */
    record PowerOn() implements Operation {
        @Override
        public void applyTo(IommuModel model) {
            model.powerOn();
        }

        @Override
        public String toString() {
            return "power on";
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
