package org.rightsflow.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the support beans that need a setting, each from the one record that declares it: the classes themselves
 * stay plain (a test makes one with a key in hand) and no setting is read in two places.
 */
@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    @Bean
    DataCipher dataCipher(SecretsProperties secrets) {
        return new DataCipher(secrets.dataKeys());
    }

    @Bean
    FieldCipher fieldCipher(SecretsProperties secrets) {
        return new FieldCipher(secrets.dataKeys());
    }

    @Bean
    SubjectHashes subjectHashes(SecretsProperties secrets) {
        return new SubjectHashes(secrets.suppressionKey());
    }

    @Bean
    FileStore fileStore(StorageProperties storage, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return switch (storage.kind()) {
            case DATABASE -> FileStore.database(jdbc, transactions);
            case DIRECTORY -> FileStore.directory(storage.directory());
        };
    }

    @Bean
    SealedFiles sealedFiles(DataCipher keys, Clock clock, FileStore store) {
        return new SealedFiles(keys, clock, store);
    }

    /**
     * Moves files an earlier version left in the storage directory into the database, before anything that reads
     * them starts (a bean initialised with the others; the job executor and the web server start after).
     */
    @Bean
    DirectoryImport directoryImport(StorageProperties storage, FileStore store) {
        DirectoryImport directoryImport = new DirectoryImport(storage.directory(), store);
        if (storage.kind() == StorageProperties.Kind.DATABASE) {
            directoryImport.run();
        }
        return directoryImport;
    }

    @Bean
    PublicLinks publicLinks(PublicLinksProperties properties) {
        return new PublicLinks(properties.publicUrl());
    }
}
