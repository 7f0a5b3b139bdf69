package com.caseflow.support.audit;

import com.caseflow.support.crypto.KeyedHash;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessAuditTests {

    private static AccessAudit audit(String key) {
        return new AccessAudit(null, Clock.systemUTC(), key);
    }

    /** Entries already in the audit collections hold these references: a new one for the same number must match. */
    @Test
    void whenTheKeyAndNumberAreTheSameThenTheReferenceIsTheOneEarlierEntriesHold() {
        // HMAC-SHA256 in lower-case hex, computed apart from this code (Python's hmac module)
        assertThat(audit("local-only-audit-key").customerRef("13812345678"))
                .isEqualTo("1dae608e3270b7869ae8398743659a223ef73f0304860fb69b004d0ac49fd8bf");
        assertThat(audit("审计密钥").customerRef("+8613812345678"))
                .isEqualTo("15aafbc6cd43c8187479396b477d5b65d8d70a3291cb9de9ef8f664e70600535");
    }

    @Test
    void whenTheReferenceIsTakenThenItIsTheKeyedHashOfTheNumberUnderTheAuditKey() {
        assertThat(audit("k1").customerRef("13900000000")).isEqualTo(new KeyedHash("k1").of("13900000000"))
                .isNotEqualTo(audit("k2").customerRef("13900000000"));
    }

    @Test
    void whenTheKeyIsBlankThenNoAuditIsMade() {
        assertThatThrownBy(() -> audit(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
