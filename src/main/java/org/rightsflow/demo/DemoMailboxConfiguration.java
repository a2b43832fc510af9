package org.rightsflow.demo;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
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
class DemoMailboxConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoMailbox demoMailbox(@Value("${rightsflow.demo.mailbox.host:127.0.0.1}") String host,
                            @Value("${rightsflow.demo.mailbox.port:3025}") int port) {
        return new DemoMailbox(host, port);
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
