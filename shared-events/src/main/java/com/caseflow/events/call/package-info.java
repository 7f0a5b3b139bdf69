/**
 * What the contact-centre platform says happened to each hotline call, as facts on {@code calls} (key = call id, so
 * the facts of one call stay in order). intake-service turns the platform's signed call events into these: a call
 * is offered once, may ring at one agent after another, is answered or abandoned, and ends. The caller's number is
 * normalised ({@link com.caseflow.events.contact.Phones}), null when withheld and {@link com.caseflow.events.Sealed}
 * on the topic (evaluation reads it as null; follow-up and the console hold the key); it never appears in a
 * {@code toString}.
 */
package com.caseflow.events.call;
