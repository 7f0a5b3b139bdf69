package com.caseflow.events.contact;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An agent recorded a call or a visit. Published once per accepted contact on {@code contacts}, key = contact id.
 * Call fields are null for visits and visit fields are null for calls.
 *
 * @param contactId              id of the contact at intake
 * @param channel                {@code PHONE} or {@code VISIT}
 * @param agentId                the call or reception agent who recorded it
 * @param receivedAt             when intake stored it
 * @param ringStartedAt          call: when the phone started ringing
 * @param answeredAt             call: when the agent picked up
 * @param ringCount              call: rings before the answer
 * @param answeredWithinThreeRings call: the three-ring rule (响铃三声内接听) was kept
 * @param greetingGiven          the agent greeted the customer as the regime requires
 * @param arrivedAt              visit: when the visitor arrived
 * @param greetedAt              visit: when the visitor was greeted
 * @param hostedBy               visit: who received the visitor
 * @param customerName           caller or visitor name
 * @param callerType             owner, prospective buyer, tenant or other; may be null
 * @param phone                  the customer's number, normalised (13812345678, 021-58881234, 400-820-8820)
 * @param organisation           visit: the visitor's organisation (所属单位)
 * @param projectCode            the property project (所属项目)
 * @param unit                   building / unit / room, e.g. 3栋2单元1201; may be null
 * @param matter                 the matter in the customer's words (具体事宜 / 来访目的)
 * @param category               the agent's classification
 * @param settledAtFirstContact  the agent settled it on the spot: no case needs to be opened
 * @param recordComplete         every field the regime asks the agent to record is present
 * @param callId                 call: the phone platform's id of the call, when the contact was recorded from a
 *                               screen pop; joins the contact to the facts on {@code calls}
 * @param timing                 call: whether ring and answer times were measured by the platform or typed
 * @param recordingUrl           call: the recording, when the platform had one by the time the contact was stored
 *                               (otherwise it arrives later with {@code CallEnded})
 * @param customerToken          a keyed hash of the normalised phone number: the same customer gives the same token in
 *                               every event, so consumers can count and match customers without the number; null for
 *                               a contact without a number and in records written before tokens (schema version 1)
 *
 * <p>The customer's name, number, organisation, unit and matter are {@link Sealed}: only the services that call or
 * show the customer hold the key; evaluation reads them as null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactReceived(@Identifier String contactId, Channel channel, @Identifier String agentId,
                              Instant receivedAt, Instant ringStartedAt, Instant answeredAt,
                              @Min(0) @Max(60) Integer ringCount, Boolean answeredWithinThreeRings,
                              Boolean greetingGiven, Instant arrivedAt, Instant greetedAt,
                              @Size(max = 64) String hostedBy, @Sealed @Size(max = 100) String customerName,
                              CallerType callerType, @Sealed @Size(max = 32) String phone,
                              @Sealed @Size(max = 100) String organisation, @Identifier String projectCode,
                              @Sealed @Size(max = 64) String unit, @Sealed @Size(max = 2000) String matter,
                              ContactCategory category, boolean settledAtFirstContact, boolean recordComplete,
                              @Identifier String callId, TimingSource timing, @Size(max = 2000) String recordingUrl,
                              @Identifier String customerToken) {

    public static final int SCHEMA_VERSION = 1;

    /** The event as it was before it carried the customer's token. */
    public ContactReceived(String contactId, Channel channel, String agentId, Instant receivedAt,
                           Instant ringStartedAt, Instant answeredAt, Integer ringCount,
                           Boolean answeredWithinThreeRings, Boolean greetingGiven, Instant arrivedAt,
                           Instant greetedAt, String hostedBy, String customerName, CallerType callerType,
                           String phone, String organisation, String projectCode, String unit, String matter,
                           ContactCategory category, boolean settledAtFirstContact, boolean recordComplete,
                           String callId, TimingSource timing, String recordingUrl) {
        this(contactId, channel, agentId, receivedAt, ringStartedAt, answeredAt, ringCount, answeredWithinThreeRings,
                greetingGiven, arrivedAt, greetedAt, hostedBy, customerName, callerType, phone, organisation,
                projectCode, unit, matter, category, settledAtFirstContact, recordComplete, callId, timing,
                recordingUrl, null);
    }

    /** The same contact carrying its customer's token. */
    public ContactReceived withCustomerToken(String token) {
        return new ContactReceived(contactId, channel, agentId, receivedAt, ringStartedAt, answeredAt, ringCount,
                answeredWithinThreeRings, greetingGiven, arrivedAt, greetedAt, hostedBy, customerName, callerType,
                phone, organisation, projectCode, unit, matter, category, settledAtFirstContact, recordComplete,
                callId, timing, recordingUrl, token);
    }

    /** A contact recorded without the phone platform: no call id, times as typed, no recording. */
    public ContactReceived(String contactId, Channel channel, String agentId, Instant receivedAt,
                           Instant ringStartedAt, Instant answeredAt, Integer ringCount,
                           Boolean answeredWithinThreeRings, Boolean greetingGiven, Instant arrivedAt,
                           Instant greetedAt, String hostedBy, String customerName, CallerType callerType,
                           String phone, String organisation, String projectCode, String unit, String matter,
                           ContactCategory category, boolean settledAtFirstContact, boolean recordComplete) {
        this(contactId, channel, agentId, receivedAt, ringStartedAt, answeredAt, ringCount, answeredWithinThreeRings,
                greetingGiven, arrivedAt, greetedAt, hostedBy, customerName, callerType, phone, organisation,
                projectCode, unit, matter, category, settledAtFirstContact, recordComplete, null,
                channel == Channel.PHONE ? TimingSource.SELF_REPORTED : null, null, null);
    }
}
