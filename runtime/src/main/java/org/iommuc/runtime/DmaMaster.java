package org.iommuc.runtime;

/**
 * A simulated bus master: issues DMA through a model and moves the data, as a device would. Each
 * access is translated page by page (4 KiB at a time, so an access that crosses a page boundary
 * is two transactions, as on a real bus) and the data then read from or written to memory as a
 * device sees it. An access stops at the first transaction that does not translate; nothing is
 * transferred for it or after it.
 */
public final class DmaMaster {

    private final IommuModel model;
    private final int id;
    /** The transaction size: the smallest block the model translates as one (at most 4 KiB). */
    private final long page;

    public DmaMaster(IommuModel model, int id) {
        this.model = model;
        this.id = id;
        int shift = 12;
        for (int s : model.config().pageShifts()) {
            shift = Math.min(shift, s);
        }
        this.page = 1L << shift;
    }

    public int id() {
        return id;
    }

    /**
     * How an access ended: {@code status} is the output address of the last transaction (>= 0) or
     * the model's code for the one that failed ({@link IommuModel#FAULT}, {@link IommuModel#STALLED},
     * {@link IommuModel#BLOCKED}, {@link IommuModel#BUS_ERROR}); {@code transferred} counts the
     * bytes moved; {@code value} is what a read of up to 8 bytes returned (little-endian).
     */
    public record Result(long status, int transferred, long value) {
        public boolean ok() {
            return status >= 0;
        }
    }

    /** Reads 1, 2, 4 or 8 bytes at {@code iova}. */
    public Result read(long iova, int bytes) {
        byte[] data = new byte[bytes];
        Result r = read(iova, data);
        long value = 0;
        for (int i = r.transferred() - 1; i >= 0; i--) {
            value = (value << 8) | (data[i] & 0xFF);
        }
        return new Result(r.status(), r.transferred(), value);
    }

    /** Writes the low {@code bytes} bytes (1, 2, 4 or 8) of {@code value} at {@code iova}. */
    public Result write(long iova, int bytes, long value) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) (value >>> (8 * i));
        }
        return write(iova, data);
    }

    /** Reads {@code data.length} bytes from {@code iova} into {@code data}. */
    public Result read(long iova, byte[] data) {
        return transfer(iova, data, false);
    }

    /** Writes {@code data} at {@code iova}. */
    public Result write(long iova, byte[] data) {
        return transfer(iova, data, true);
    }

    private Result transfer(long iova, byte[] data, boolean write) {
        int done = 0;
        long status = 0;
        while (done < data.length) {
            long address = iova + done;
            int chunk = (int) Math.min(data.length - done, page - (address & (page - 1)));
            status = model.translate(id, address, write);
            if (status < 0) {
                return new Result(status, done, 0);
            }
            if (!model.memory().physical().contains(status, chunk)) {
                return new Result(IommuModel.BUS_ERROR, done, 0);
            }
            for (int i = 0; i < chunk; i++) {
                if (write) {
                    model.memory().deviceWrite(status + i, 1, data[done + i]);
                } else {
                    data[done + i] = (byte) model.memory().deviceRead(status + i, 1);
                }
            }
            done += chunk;
        }
        return new Result(status, done, 0);
    }
}
