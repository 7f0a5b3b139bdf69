package com.caseflow.support.web;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.util.Calendar;
import java.util.Date;

/**
 * How every service reads request bodies: each field in the JSON type the API documents, nothing coerced, and text
 * free of control characters ({@link ControlCharacters}). A phone number sent as a JSON number, a count sent as
 * {@code "5"} or {@code 1.5}, a flag sent as {@code 1}, a list sent as one value, an enum sent as its index, a date
 * sent as a number, a field the API does not define, or anything after the document are refused, naming the field.
 * <p>
 * Only requests are read this way: the mapper is derived from Boot's for the server's JSON converter, so Boot's
 * {@code JsonMapper} bean, which writes responses and events and reads events through the consumers' lenient
 * {@code EnvelopeReader}, is left as it is; events already published are read as before.
 */
public final class RequestJson {

    /** Boot's mapper, reading requests strictly; writing is unchanged. */
    public static JsonMapper strict(JsonMapper boots) {
        return boots.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .defaultLeniency(false)
                // numbers and booleans into text; ALLOW_COERCION_OF_SCALARS covers text into numbers and booleans
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, whole -> whole
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfigDefaults(any -> any
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                .addModule(new SimpleModule("caseflow-request-text")
                        .addDeserializer(String.class, new TextDeserializer())
                        .addKeyDeserializer(String.class, new TextKeyDeserializer())
                        .setDeserializerModifier(new TimesAsText()))
                .build();
    }

    /** The server's JSON converter reading with {@link #strict}; any other converter as it is. */
    static HttpMessageConverter<?> strict(HttpMessageConverter<?> converter) {
        if (converter.getClass() == JacksonJsonHttpMessageConverter.class) {
            return new JacksonJsonHttpMessageConverter(strict(((JacksonJsonHttpMessageConverter) converter).getMapper()));
        }
        return converter;
    }

    /** A string field, list element or map value with a refused character; the path is added as it unwinds. */
    public static final class ControlCharacterException extends MismatchedInputException {

        ControlCharacterException(JsonParser parser) {
            super(parser, "text with a control character", String.class);
        }
    }

    private static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) {
            String text = super.deserialize(p, context);
            if (text != null && ControlCharacters.foundIn(text)) {
                throw new ControlCharacterException(p);
            }
            return text;
        }
    }

    private static final class TextKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (ControlCharacters.foundIn(key)) {
                throw new ControlCharacterException(context.getParser());
            }
            return key;
        }
    }

    /** Dates and times only as the ISO-8601 text the API documents: not as epoch numbers or arrays of numbers. */
    private static final class TimesAsText extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            boolean time = type.getPackageName().equals("java.time") || Date.class.isAssignableFrom(type)
                    || Calendar.class.isAssignableFrom(type);
            return time ? new TimeAsText(deserializer) : deserializer;
        }
    }

    private static final class TimeAsText extends DelegatingDeserializer {

        TimeAsText(ValueDeserializer<?> time) {
            super(time);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> time) {
            return new TimeAsText(time);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(_delegatee.handledType(), p);
            }
            return super.deserialize(p, context);
        }
    }

    private RequestJson() {
    }
}
