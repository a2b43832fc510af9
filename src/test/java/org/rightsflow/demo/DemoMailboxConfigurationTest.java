package org.rightsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the demo mailbox exists: with the demo and the mailbox on, never in the postgres profile. */
class DemoMailboxConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DemoMailboxConfiguration.class, DemoMailboxController.class)
            .withPropertyValues("rightsflow.demo.mailbox.host=127.0.0.1", "rightsflow.demo.mailbox.port=" + freePort());

    @Test
    void theDemoWithItsMailboxOnRunsTheMailServerAndThePage() {
        runner.withPropertyValues("rightsflow.demo.enabled=true", "rightsflow.demo.mailbox.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DemoMailbox.class)
                        .hasSingleBean(DemoMailboxController.class));
    }

    @Test
    void thePostgresProfileNeverHasIt() {
        runner.withPropertyValues("rightsflow.demo.enabled=true", "rightsflow.demo.mailbox.enabled=true",
                        "spring.profiles.active=postgres")
                .run(context -> assertThat(context).doesNotHaveBean(DemoMailbox.class)
                        .doesNotHaveBean(DemoMailboxController.class));
    }

    @Test
    void neitherDoesARunWithoutTheDemoOrWithTheMailboxOff() {
        runner.withPropertyValues("rightsflow.demo.enabled=false", "rightsflow.demo.mailbox.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(DemoMailbox.class)
                        .doesNotHaveBean(DemoMailboxController.class));
        runner.withPropertyValues("rightsflow.demo.enabled=true", "rightsflow.demo.mailbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DemoMailbox.class)
                        .doesNotHaveBean(DemoMailboxController.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
