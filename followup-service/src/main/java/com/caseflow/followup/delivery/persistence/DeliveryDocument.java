package com.caseflow.followup.delivery.persistence;

import java.time.Instant;

/**
 * How a {@link DeliveryStore} keeps one item: {@code {_id, version, state, due}}. Each feature declares its own record
 * (and so its own collection and mapped type) so that the stored documents keep the shape they always had.
 */
public interface DeliveryDocument<T> {

    String id();

    long version();

    T state();

    Instant due();
}
