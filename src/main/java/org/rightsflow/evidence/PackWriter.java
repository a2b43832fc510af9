package org.rightsflow.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack as a zip, file by file, straight to the response: each file's SHA-256 goes into {@code manifest.txt}
 * (the format {@code sha256sum -c} reads), which is written last with {@code manifest.sig}, its Ed25519 signature,
 * and {@code public.pem}, the key that verifies it. A file is written whole before the next one starts, so a period
 * pack never holds more than one file in memory.
 */
final class PackWriter implements AutoCloseable {

    static final String MANIFEST = "manifest.txt";
    static final String SIGNATURE = "manifest.sig";
    static final String PUBLIC_KEY = "public.pem";

    private final ZipOutputStream zip;
    private final SigningKey key;
    private final StringBuilder manifest = new StringBuilder();
    private final Set<String> names = new HashSet<>();

    PackWriter(OutputStream out, SigningKey key) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.key = key;
    }

    void text(String name, String content) throws IOException {
        file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of the pack, listed in the manifest. Names are relative paths with forward slashes, never reused. */
    void file(String name, byte[] content) throws IOException {
        if (!names.add(name) || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            throw new IllegalArgumentException("Not a pack file name: " + name);
        }
        entry(name, content);
        // Two spaces: sha256sum's text mode, which every sha256sum reads.
        manifest.append(sha256Hex(content)).append("  ").append(name).append('\n');
    }

    /** Adds the public key, the manifest and its signature, and finishes the zip. */
    @Override
    public void close() throws IOException {
        file(PUBLIC_KEY, key.publicKeyPem().orElseThrow().getBytes(StandardCharsets.US_ASCII));
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        entry(MANIFEST, manifestBytes);
        entry(SIGNATURE, key.sign(manifestBytes));
        zip.finish();
        zip.flush();
    }

    private void entry(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
