package com.caseflow.support.calendar;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the store, kept for a while and read again after it — at once after {@link #invalidate()}: a
 * load that raced with an invalidation is not taken for fresh. Freshness is wall-clock time, never business time
 * (a test's frozen clock must not freeze the cache).
 */
public final class ReloadingCache<T> {

    private final long maxAgeNanos;
    private final Supplier<T> loader;
    private final AtomicLong changes = new AtomicLong();
    private volatile T value;
    private volatile long loadedChange = -1;
    private volatile long loadedAt;

    public ReloadingCache(Duration maxAge, Supplier<T> loader) {
        this.maxAgeNanos = maxAge.toNanos();
        this.loader = loader;
    }

    public T get() {
        long change = changes.get();
        if (change != loadedChange || System.nanoTime() - loadedAt > maxAgeNanos) {
            T loaded = loader.get();
            synchronized (this) {
                value = loaded;
                loadedAt = System.nanoTime();
                loadedChange = change;
            }
        }
        return value;
    }

    public void invalidate() {
        changes.incrementAndGet();
    }
}
