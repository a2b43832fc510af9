package org.rightsflow.security;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.rightsflow.support.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;

/**
 * HTTP sessions live in the database (Spring Session JDBC, tables from Flyway), so a restart signs nobody out and
 * any node can serve any request. What a session holds (the staff login, Camunda's webapp login, CSRF tokens, a
 * subject's preference-center proof with their email) is sealed with the data keys before it is written, and the
 * session id, which is what the cookie carries, is kept only as its SHA-256: a copy of the database neither shows
 * what a session holds nor lets anyone take a session over.
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

    /**
     * Flash attributes in the session when there is one, otherwise in a sealed cookie ({@link BrowserFlashMaps}).
     * The name is the one the DispatcherServlet looks up.
     */
    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager(FieldCipher cipher) {
        return new BrowserFlashMaps(cipher);
    }

    /**
     * Spring Session's own statements, with the session id hashed in SQL wherever it is written or looked up. The
     * session keeps its real id in memory (the lookup returns the id asked for, not the stored hash), so the
     * cookie stays what it was.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> hashedSessionIds(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String hashed = switch (product) {
            case "PostgreSQL" -> "encode(sha256(convert_to(%s, 'UTF8')), 'hex')";
            case "H2" -> "lower(rawtohex(hash('SHA-256', %s)))";
            default -> throw new IllegalStateException("No session id hash for " + product);
        };
        String parameter = hashed.formatted("cast(? as varchar(100))");
        return repository -> {
            repository.setCreateSessionQuery("""
                    insert into %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,
                        MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
                    values (?, PARAMETER, ?, ?, ?, ?, ?)""".replace("PARAMETER", parameter));
            repository.setGetSessionQuery("""
                    with REQUESTED (ID) as (select cast(? as varchar(100)))
                    select S.PRIMARY_ID, R.ID as SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME,
                        S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
                    from REQUESTED R
                    join %TABLE_NAME% S on S.SESSION_ID = HASHED
                    left join %TABLE_NAME%_ATTRIBUTES SA on S.PRIMARY_ID = SA.SESSION_PRIMARY_ID"""
                    .replace("HASHED", hashed.formatted("R.ID")));
            repository.setUpdateSessionQuery("""
                    update %TABLE_NAME%
                    set SESSION_ID = PARAMETER, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?,
                        PRINCIPAL_NAME = ?
                    where PRIMARY_ID = ?""".replace("PARAMETER", parameter));
            repository.setDeleteSessionQuery("""
                    delete from %TABLE_NAME%
                    where SESSION_ID = PARAMETER and MAX_INACTIVE_INTERVAL >= 0""".replace("PARAMETER", parameter));
        };
    }
}
