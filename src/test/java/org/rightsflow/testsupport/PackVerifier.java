package org.rightsflow.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An outsider's check of an evidence pack, for every test that downloads one: unpacked, each digest of the manifest
 * recomputed and its Ed25519 signature checked in the JVM, and the same done with the real {@code sha256sum} and
 * {@code openssl} on the files written to a directory, as docs/evidence.md tells an auditor to.
 */
public final class PackVerifier {

    private PackVerifier() {
    }

    /** The files of a zip, by name, in the zip's order. */
    public static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** What fails in the JVM's check (a file's digest, a file not in the manifest, the signature), or nothing. */
    public static List<String> verify(Map<String, byte[]> files, PublicKey key) throws Exception {
        List<String> failures = new ArrayList<>();
        String manifest = new String(files.get("manifest.txt"), StandardCharsets.UTF_8);
        List<String> listed = new ArrayList<>();
        for (String line : manifest.lines().toList()) {
            String digest = line.substring(0, 64);
            String name = line.substring(66);
            listed.add(name);
            if (!files.containsKey(name) || !sha256(files.get(name)).equals(digest)) {
                failures.add("digest of " + name);
            }
        }
        files.keySet().stream()
                .filter(name -> !name.equals("manifest.txt") && !name.equals("manifest.sig") && !listed.contains(name))
                .forEach(name -> failures.add("not in the manifest: " + name));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(files.get("manifest.txt"));
        if (!signature.verify(files.get("manifest.sig"))) {
            failures.add("signature");
        }
        return failures;
    }

    /** An Ed25519 public key from its PEM text, as the application publishes it. */
    public static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    public static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Writes the files under a directory (folders of the pack included) and returns the directory. */
    public static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return dir;
    }

    /** {@code sha256sum -c manifest.txt} in an unpacked pack: its exit code, 0 when every digest matches. */
    public static int sha256sumCheck(Path unpacked) throws Exception {
        return run(unpacked, "sha256sum", "-c", "manifest.txt");
    }

    /** {@code openssl pkeyutl -verify} of the manifest's signature with the pack's key: its exit code, 0 when good. */
    public static int opensslVerify(Path unpacked) throws Exception {
        return run(unpacked, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin", "-in",
                "manifest.txt", "-sigfile", "manifest.sig");
    }

    /** Runs a command in a directory, its output read and dropped; returns its exit code. */
    public static int run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
