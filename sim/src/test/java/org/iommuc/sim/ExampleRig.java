package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.model.Description;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.RecordingTrace;

/** An example's interpreted model with a trace, and what a driver does to it, asserting each access is taken. */
final class ExampleRig {

    final Description d;
    final IommuEngine model;
    final RecordingTrace trace = new RecordingTrace();
    final Entries entries;

    ExampleRig(String example) {
        this.d = TestDescriptions.example(example);
        this.model = Interpreter.model(d);
        this.entries = new Entries(d, model);
        model.setTrace(trace);
    }

    void write(long offset, long value) {
        assertThat(model.mmioWrite(offset, 32, value)).as("write @0x%x", offset).isTrue();
    }

    long read(long offset) {
        return model.mmioRead(offset, 32);
    }

    /** {@code poll REG & mask == expected}: the model answers at once, as its rules are immediate. */
    void poll(long offset, long mask, long expected) {
        assertThat(read(offset) & mask).as("poll @0x%x", offset).isEqualTo(expected);
    }

    long dma(int master, long iova, boolean write) {
        return model.translate(master, iova, write);
    }

    String lastEvent() {
        return trace.events().get(trace.events().size() - 1).toString();
    }
}
