package com.caseflow.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event that names or reaches a customer (name, number, address, what they said): on the topics
 * it travels encrypted (AES-256-GCM, the component's name as associated data), as {@code sealed:v1:<key id>:<base64>},
 * and only a service holding the key reads it. A consumer without the key reads it as null. Records rendered elsewhere
 * (web APIs, stores) are not affected: only the services' event writer and reader seal and open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Sealed {

    /** The prefix every sealed value starts with; a value without it was written before sealing and reads as it is. */
    String PREFIX = "sealed:v1:";
}
