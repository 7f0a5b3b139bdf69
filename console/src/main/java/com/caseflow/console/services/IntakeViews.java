package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** What the console reads from intake: contacts and the project catalogue. Unknown fields are ignored. */
public final class IntakeViews {

    /** A row of the contacts behind a dashboard figure: the number comes masked, no name comes at all. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FigureContact(String id, OffsetDateTime receivedAt, String channel, String channelLabel,
                                String agentId, String projectCode, String unit, String category,
                                String categoryLabel, boolean settledAtFirstContact, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String id, String channel, String channelLabel, String agentId, OffsetDateTime receivedAt,
                         Call call, String customerName, String phone, String projectCode, String unit, String matter,
                         String category, String categoryLabel, boolean settledAtFirstContact) {

        /** The phone platform's id of the call, when the contact was recorded from it; null for a visit. */
        public String callId() {
            return call == null ? null : call.callId();
        }

        /** MEASURED or SELF_REPORTED for a call; null for a visit. */
        public String timing() {
            return call == null ? null : call.timing();
        }

        /** The recording's address when it is a web address: nothing else may become a link on a page. */
        public String recordingLink() {
            return call == null ? null : RecordingLinks.safe(call.recordingUrl());
        }
    }

    /**
     * A call as the phone platform told intake of it ({@code GET /api/v1/phone/calls/{callId}}).
     *
     * @param state QUEUED, RINGING, ANSWERED, ABANDONED or ENDED
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhoneCall(String callId, String hotline, String caller, String agentId, String state,
                            Instant offeredAt, Instant ringStartedAt, Instant answeredAt, Instant endedAt,
                            String recordingUrl) {
    }

    /** The call part of a contact as intake shows it; {@code recordingUrl} only to supervisors and managers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Call(int ringCount, boolean answeredWithinThreeRings, Boolean greetingGiven, String callId,
                       String timing, String recordingUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(String code, String name, String city, String district, String address,
                          String salesStatus, String serviceHotline, List<UnitType> unitTypes, List<Faq> faqs) {

        public Project {
            unitTypes = unitTypes == null ? List.of() : unitTypes;
            faqs = faqs == null ? List.of() : faqs;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitType(String name, String layout, BigDecimal areaSqm, BigDecimal priceFromCny,
                           BigDecimal priceToCny) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Faq(String question, String answer) {
    }

    private IntakeViews() {
    }
}
