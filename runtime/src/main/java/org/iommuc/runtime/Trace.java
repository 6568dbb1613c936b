package org.iommuc.runtime;

/**
 * Where a model's events go. Models build an event only when {@link #enabled()}, so a model
 * traced by {@link #OFF} allocates nothing on its hot paths.
 */
public interface Trace {

    /** No tracing. */
    Trace OFF = new Trace() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void add(Event event) {
        }
    };

    boolean enabled();

    void add(Event event);
}
