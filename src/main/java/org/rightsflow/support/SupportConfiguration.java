package org.rightsflow.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    SealedFiles sealedFiles(DataCipher keys, Clock clock, StorageProperties storage) {
        return new SealedFiles(keys, clock, storage.directory().toString());
    }

    @Bean
    PublicLinks publicLinks(PublicLinksProperties properties) {
        return new PublicLinks(properties.publicUrl());
    }
}
