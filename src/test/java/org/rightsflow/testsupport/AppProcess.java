package org.rightsflow.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.rightsflow.RightsflowApplication;

/**
 * Rightsflow in a JVM of its own, started as an operator starts it and stopped as a power cut stops it
 * ({@link #kill()} is SIGKILL: no shutdown hook, no graceful stop of the job executor, no last commit).
 */
public final class AppProcess {

    private static final String HEAP = "-Xmx512m";
    /**
     * JVM options added to every started process, from the system property {@code rightsflow.test.node-jvm-options}
     * (space-separated; e.g. a flight recording for a benchmark: {@code -XX:StartFlightRecording=...}).
     */
    private static final List<String> EXTRA_JVM_OPTIONS = Arrays.stream(
            System.getProperty("rightsflow.test.node-jvm-options", "").split(" ")).filter(s -> !s.isBlank()).toList();
    /** The management port's password of every started process: long enough for the postgres profile's check. */
    private static final String MONITORING_PASSWORD = "app-process-" + UUID.randomUUID();

    private final Process process;
    private final int port;
    private final int managementPort;

    private AppProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the application with the given arguments on a free port and waits until it is ready: its readiness check
     * answers UP, which Spring Boot gives only after the start-up runners (the demo's staff accounts among them), so
     * a test never signs in before the account exists.
     */
    public static AppProcess start(Path log, List<String> arguments) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP));
        command.addAll(EXTRA_JVM_OPTIONS);
        command.addAll(List.of("-cp", applicationClasspath(), RightsflowApplication.class.getName(),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--rightsflow.monitoring.password=" + MONITORING_PASSWORD,
                "--rightsflow.public-url=http://localhost:" + port));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            AppProcess app = new AppProcess(process, port, managementPort);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !process.isAlive() || app.serves());
            if (!process.isAlive()) {
                throw new IllegalStateException("The application did not start; see " + log);
            }
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The JVM's process id, e.g. to read its memory from /proc/PID/status. */
    public long pid() {
        return process.pid();
    }

    /** The heap limit every started JVM is given. */
    public static String heapSetting() {
        return HEAP;
    }

    /** Kills the JVM at once, mid-whatever it is doing. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean serves() {
        try {
            String credentials = Base64.getEncoder().encodeToString(("monitoring:" + MONITORING_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
                            .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The main classes and the libraries, as the test JVM has them, without the test classes (their test
     * configuration would change the application). Surefire and failsafe may hand the JVM a manifest-only jar; its
     * Class-Path is expanded.
     */
    static String applicationClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expandManifest(entry));
        }
        return entries.stream().filter(entry -> !entry.replace('\\', '/').contains("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> expandManifest(String entry) {
        if (!entry.endsWith(".jar") || !new File(entry).getName().startsWith("surefire")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            String classPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of(entry);
            }
            return Arrays.stream(classPath.split(" ")).filter(s -> !s.isBlank())
                    .map(url -> new File(URI.create(url.startsWith("file:") ? url : "file:" + url)).getPath()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
