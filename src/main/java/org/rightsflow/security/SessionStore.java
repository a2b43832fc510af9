package org.rightsflow.security;

import org.rightsflow.support.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * HTTP sessions live in the database (Spring Session JDBC, tables from Flyway), so a restart signs nobody out and
 * any node can serve any request. What a session holds (the staff login, Camunda's webapp login, CSRF tokens, a
 * subject's preference-center proof with their email) is sealed with the data keys before it is written, so a
 * copy of the database shows none of it.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    private static final String CONTEXT = "spring_session_attributes.attribute_bytes";

    /** The name Spring Session looks for. */
    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService(FieldCipher cipher) {
        SerializingConverter serializer = new SerializingConverter();
        DeserializingConverter deserializer = new DeserializingConverter(SessionStore.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class,
                value -> cipher.encrypt(serializer.convert(value), CONTEXT));
        conversions.addConverter(byte[].class, Object.class, sealed -> {
            try {
                return deserializer.convert(cipher.decrypt(sealed, CONTEXT));
            } catch (RuntimeException e) {
                // Its key was removed, or the class changed in an upgrade: the attribute is gone, the user signs in
                // again. Never an error page.
                log.warn("A session attribute could not be read back and is ignored: {}", e.getClass().getSimpleName());
                return null;
            }
        });
        return conversions;
    }
}
