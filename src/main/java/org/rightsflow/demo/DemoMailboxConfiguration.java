package org.rightsflow.demo;

import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo delivers its mail: a local SMTP server ({@link DemoMailbox}), the application's mail sender pointed at it
 * (Spring Boot's own sender then steps aside) and {@link DemoMailboxController}, the page that shows what arrived.
 */
@Configuration(proxyBeanMethods = false)
@DemoMailboxOn
@EnableConfigurationProperties(DemoProperties.class)
class DemoMailboxConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoMailbox demoMailbox(DemoProperties demo) {
        return new DemoMailbox(demo.mailbox().host(), demo.mailbox().port());
    }

    @Bean
    JavaMailSender demoMailSender(DemoMailbox mailbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mailbox.host());
        sender.setPort(mailbox.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
