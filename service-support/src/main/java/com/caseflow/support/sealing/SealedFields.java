package com.caseflow.support.sealing;

import com.caseflow.events.sealing.Keyring;
import com.caseflow.events.Sealed;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The Jackson module that seals and opens {@link Sealed} fields, but only where the writer or reader carries a
 * {@link Keyring} as the context attribute {@link Keyring#ATTRIBUTE}: the services' event writer (the outbox) and
 * reader ({@code EnvelopeReader}). Without the attribute the fields are written and read as they are.
 */
public final class SealedFields extends SimpleModule {

    public SealedFields() {
        super("caseflow-sealed-fields", Version.unknownVersion());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
                return annotated.hasAnnotation(Sealed.class) && annotated.getRawType() == String.class
                        ? new Sealing(null) : null;
            }

            @Override
            public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
                return annotated.hasAnnotation(Sealed.class) && annotated.getRawType() == String.class
                        ? new Opening(null) : null;
            }
        });
    }

    private static Keyring keyring(DatabindContext context) {
        return context.getAttribute(Keyring.ATTRIBUTE) instanceof Keyring keyring ? keyring : null;
    }

    private static final class Sealing extends StdSerializer<String> {

        private final String field;

        Sealing(String field) {
            super(String.class);
            this.field = field;
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            return property == null ? this : new Sealing(property.getName());
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializationContext context) {
            Keyring keyring = keyring(context);
            generator.writeString(keyring == null || field == null ? value : keyring.seal(field, value));
        }
    }

    private static final class Opening extends StdDeserializer<String> {

        private final String field;

        Opening(String field) {
            super(String.class);
            this.field = field;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property == null ? this : new Opening(property.getName());
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString()
                    : parser.getValueAsString();
            if (text == null) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            Keyring keyring = keyring(context);
            if (keyring == null || field == null) {
                return text;
            }
            try {
                return keyring.open(field, text).orElse(null);
            } catch (Keyring.Unopenable e) {
                throw new SealedValueRefused(parser, e.getMessage());
            }
        }
    }

    /** A sealed field that does not open: the message names the field, never the value. */
    public static final class SealedValueRefused extends MismatchedInputException {

        SealedValueRefused(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }
}
