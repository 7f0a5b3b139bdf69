package com.caseflow.followup.channels.persistence;

import com.caseflow.followup.channels.domain.DepartmentChannels;

/** A department's channels at a version; a department without stored channels is at version 0. */
public record VersionedChannels(DepartmentChannels channels, long version) {
}
