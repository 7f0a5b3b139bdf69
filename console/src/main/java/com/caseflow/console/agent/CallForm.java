package com.caseflow.console.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the agent typed, kept as typed so that a refusal or an outage never loses it. The idempotency key is made when
 * the form is shown: pressing record twice, or again after an outage, records the call once.
 */
public class CallForm {

    private String idempotencyKey = UUID.randomUUID().toString();
    /** The phone platform's call this form records, when the screen pop opened it: intake then takes its times. */
    private String callId;
    private String ringStartedAt;
    private String answeredAt;
    private String callerName;
    private String phone;
    private String callerType = "OWNER";
    private String projectCode;
    private String unit;
    private String matter;
    private String category;
    private boolean greetingGiven;
    private boolean settledOnCall;

    /** The body intake's {@code POST /api/v1/calls} takes; empty fields left out so that intake names them. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "callId", callId);
        put(body, "ringStartedAt", ringStartedAt);
        put(body, "answeredAt", answeredAt);
        put(body, "callerName", callerName);
        put(body, "phone", phone);
        put(body, "callerType", callerType);
        put(body, "projectCode", projectCode);
        put(body, "unit", unit);
        put(body, "matter", matter);
        put(body, "category", category);
        body.put("greetingGiven", greetingGiven);
        body.put("settledOnCall", settledOnCall);
        return body;
    }

    static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** Times from the phone system (实测) rather than the agent's key presses (自报). */
    public boolean isMeasured() {
        return callId != null && !callId.isBlank();
    }

    /** Seconds from ring to answer when both are known, for the measured times' line. */
    public Long getRingSeconds() {
        try {
            if (ringStartedAt == null || ringStartedAt.isBlank() || answeredAt == null || answeredAt.isBlank()) {
                return null;
            }
            return Duration.between(Instant.parse(ringStartedAt.strip()), Instant.parse(answeredAt.strip()))
                    .toSeconds();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Rings as intake counts them: one per five seconds begun, at least one. */
    public Long getRingCount() {
        Long seconds = getRingSeconds();
        return seconds == null ? null : Math.max(1, (seconds + 4) / 5);
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getRingStartedAt() {
        return ringStartedAt;
    }

    public void setRingStartedAt(String ringStartedAt) {
        this.ringStartedAt = ringStartedAt;
    }

    public String getAnsweredAt() {
        return answeredAt;
    }

    public void setAnsweredAt(String answeredAt) {
        this.answeredAt = answeredAt;
    }

    public String getCallerName() {
        return callerName;
    }

    public void setCallerName(String callerName) {
        this.callerName = callerName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCallerType() {
        return callerType;
    }

    public void setCallerType(String callerType) {
        this.callerType = callerType;
    }

    public String getProjectCode() {
        return projectCode;
    }

    public void setProjectCode(String projectCode) {
        this.projectCode = projectCode;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getMatter() {
        return matter;
    }

    public void setMatter(String matter) {
        this.matter = matter;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isGreetingGiven() {
        return greetingGiven;
    }

    public void setGreetingGiven(boolean greetingGiven) {
        this.greetingGiven = greetingGiven;
    }

    public boolean isSettledOnCall() {
        return settledOnCall;
    }

    public void setSettledOnCall(boolean settledOnCall) {
        this.settledOnCall = settledOnCall;
    }
}
