package com.caseflow.followup.channels.persistence;

import com.caseflow.followup.channels.domain.DepartmentChannels;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A department's notification channels as stored, with a version for optimistic locking. */
@Document(ChannelsDocument.COLLECTION)
record ChannelsDocument(@Id String departmentCode, long version, DepartmentChannels.WeCom wecom,
                        DepartmentChannels.DingTalk dingtalk, String changedBy, Instant changedAt) {

    static final String COLLECTION = "notification_channels";
}
