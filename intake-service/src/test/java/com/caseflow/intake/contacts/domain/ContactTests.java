package com.caseflow.intake.contacts.domain;

import com.caseflow.events.contact.TimingSource;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTests {

    private static final Instant NOW = Instant.parse("2026-11-27T01:15:09Z");
    private static final Contact.CallDetails GREETED =
            new Contact.CallDetails(NOW, NOW, 1, true, true, null, TimingSource.SELF_REPORTED, null);

    @Test
    void whenARepairCallNamesCallerTypeUnitAndGreetingThenTheRecordIsComplete() {
        assertThat(call(ContactCategory.REPAIR, "3栋2单元1201", CallerType.OWNER, GREETED).recordComplete()).isTrue();
    }

    @Test
    void whenARepairCallLacksTheUnitThenTheRecordIsIncomplete() {
        assertThat(call(ContactCategory.REPAIR, null, CallerType.OWNER, GREETED).recordComplete()).isFalse();
    }

    @Test
    void whenAnInquiryLacksTheUnitThenTheRecordIsStillComplete() {
        assertThat(call(ContactCategory.INQUIRY, null, CallerType.PROSPECTIVE_BUYER, GREETED).recordComplete())
                .isTrue();
    }

    @Test
    void whenCallerTypeOrGreetingIsUnknownThenTheRecordIsIncomplete() {
        Contact.CallDetails greetingUnknown =
                new Contact.CallDetails(NOW, NOW, 1, true, null, null, TimingSource.SELF_REPORTED, null);

        assertThat(call(ContactCategory.INQUIRY, null, null, GREETED).recordComplete()).isFalse();
        assertThat(call(ContactCategory.INQUIRY, null, CallerType.OWNER, greetingUnknown).recordComplete()).isFalse();
    }

    @Test
    void whenAContactIsPrintedThenNeitherNameNorPhoneAppear() {
        String printed = call(ContactCategory.REPAIR, "3栋2单元1201", CallerType.OWNER, GREETED).toString();

        assertThat(printed).doesNotContain("王小明").doesNotContain("13812345678").contains("c-1");
    }

    private static Contact call(ContactCategory category, String unit, CallerType callerType,
                                Contact.CallDetails details) {
        return new Contact("c-1", Channel.PHONE, "A001", NOW, details, null, "王小明", callerType, "13812345678",
                "SH-LJY", unit, "卫生间天花板漏水", category, false);
    }
}
