package com.caseflow.followup.sms.application;

import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.sms.domain.CustomerReply;
import com.caseflow.followup.sms.domain.Reply;
import com.caseflow.followup.sms.domain.ReplyKind;
import com.caseflow.followup.sms.domain.ReplyOutcome;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.followup.sms.persistence.CustomerReplyStore;
import com.caseflow.followup.sms.persistence.OptOutStore;
import com.caseflow.followup.sms.persistence.TextMessageStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What customers reply to the texts: a score 1–5 answers the callback (回访) of their most recent resolved case that
 * still waits for one — closing it as a reached call would, reopen request included; 退订 stops all texts to the
 * number; anything else is kept and changes nothing. Every reply is kept; neither number nor text is ever logged.
 */
@Service
public class CustomerReplies {

    private static final Logger log = LoggerFactory.getLogger(CustomerReplies.class);

    /** What became of a reply; {@code duplicate} when its id was seen before (nothing changed). */
    public record Received(CustomerReply reply, boolean duplicate) {
    }

    private final CustomerReplyStore replies;
    private final TextMessageStore messages;
    private final OptOutStore optOuts;
    private final Callbacks callbacks;
    private final Clock clock;
    private final MeterRegistry meters;

    public CustomerReplies(CustomerReplyStore replies, TextMessageStore messages, OptOutStore optOuts,
                           Callbacks callbacks, Clock clock, MeterRegistry meters) {
        this.replies = replies;
        this.messages = messages;
        this.optOuts = optOuts;
        this.callbacks = callbacks;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param from the sender's number, normalised
     */
    public Received receive(String replyId, String from, String text, Instant receivedAt) {
        var known = replies.find(replyId);
        if (known.isPresent()) {
            return new Received(known.get(), true);
        }
        Reply reply = Reply.of(text);
        Instant now = clock.instant();
        ReplyOutcome outcome = ReplyOutcome.IGNORED;
        String caseId = null;
        String callbackId = null;
        switch (reply.kind()) {
            case OPT_OUT -> {
                optOuts.optOut(from, now, replyId);
                outcome = ReplyOutcome.OPTED_OUT;
            }
            case SATISFACTION -> {
                // the callback is answered before the reply is stored: a reply redelivered after a stop in between
                // finds the callback answered by its own id, and is stored then
                List<TextMessage> asked = messages.sentTo(from, SmsTemplate.CASE_RESOLVED);
                outcome = asked.isEmpty() ? ReplyOutcome.NOT_ASKED : ReplyOutcome.FEEDBACK_TOO_LATE;
                caseId = asked.isEmpty() ? null : asked.get(0).caseId();
                for (TextMessage message : asked) {
                    if (message.callbackId() != null
                            && callbacks.recordReply(message.callbackId(), replyId, reply.satisfaction(), now)) {
                        outcome = ReplyOutcome.FEEDBACK_RECORDED;
                        caseId = message.caseId();
                        callbackId = message.callbackId();
                        break;
                    }
                }
            }
            case OTHER -> outcome = ReplyOutcome.IGNORED;
        }
        CustomerReply stored = new CustomerReply(replyId, from, text, receivedAt == null ? now : receivedAt,
                reply.kind(), reply.kind() == ReplyKind.SATISFACTION ? reply.satisfaction() : null, outcome, caseId,
                callbackId);
        if (!replies.insert(stored)) {
            return new Received(replies.find(replyId).orElse(stored), true);
        }
        meters.counter("caseflow.sms.replies", "kind", reply.kind().name(), "outcome", outcome.name()).increment();
        log.info("Reply {} from a customer: {} → {}{}", replyId, reply.kind(), outcome,
                caseId == null ? "" : " (case " + caseId + ")");
        return new Received(stored, false);
    }
}
