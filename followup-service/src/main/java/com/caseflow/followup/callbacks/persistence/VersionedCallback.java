package com.caseflow.followup.callbacks.persistence;

import com.caseflow.followup.callbacks.domain.Callback;

public record VersionedCallback(Callback state, long version) {
}
