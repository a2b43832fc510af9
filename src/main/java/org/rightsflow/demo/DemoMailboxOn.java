package org.rightsflow.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * Active only with the demo and its mailbox on ({@code rightsflow.demo.enabled} and
 * {@code rightsflow.demo.mailbox.enabled}), and never in the postgres profile: a mailbox anyone can read is a demo's
 * convenience and nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Profile("!postgres")
@ConditionalOnProperty(name = {"rightsflow.demo.enabled", "rightsflow.demo.mailbox.enabled"}, havingValue = "true")
@interface DemoMailboxOn {
}
