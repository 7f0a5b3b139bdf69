package com.caseflow.followup.messaging;

import com.caseflow.events.EventTypes;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.followup.missedcalls.application.MissedCalls;
import com.caseflow.support.consumer.EnvelopeReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * {@code callBackTasks-in-0} reads the phone platform's facts from {@code calls}: an abandoned call opens or joins its
 * number's call-back task, an answered one may close it. Offered, ringing, transferred and ended calls are skipped;
 * what cannot be processed goes to {@code calls.dlq} with the error in its headers.
 */
@Configuration(proxyBeanMethods = false)
class MissedCallFunctions {

    @Bean
    Consumer<Message<byte[]>> callBackTasks(MissedCalls missedCalls, EnvelopeReader reader) {
        return message -> {
            switch (reader.type(message)) {
                case EventTypes.CALL_ABANDONED -> missedCalls.abandoned(reader.read(message, CallAbandoned.class));
                case EventTypes.CALL_ANSWERED -> missedCalls.answered(reader.read(message, CallAnswered.class));
                default -> {
                    // the rest of a call's life is intake's and evaluation's
                }
            }
        };
    }
}
