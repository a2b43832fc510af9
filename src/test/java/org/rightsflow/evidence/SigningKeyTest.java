package org.rightsflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.rightsflow.testsupport.PackVerifier.run;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.testsupport.PackVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.yaml.snakeyaml.Yaml;

/** The signing key: read as openssl writes it, refused when it is not one, and no packs without it in production. */
class SigningKeyTest {

    @Test
    void aKeyMadeByOpensslIsReadFromItsFileAndItsPublicHalfIsTheOneOpensslDerives(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("evidence.pem");
        assertThat(run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString())).isZero();
        assertThat(run(dir, "openssl", "pkey", "-in", key.toString(), "-pubout", "-out", "public.pem")).isZero();

        SigningKey signing = new SigningKey(new EvidenceProperties(key.toString(), true));

        assertThat(signing.available()).isTrue();
        assertThat(signing.throwaway()).isFalse();
        assertThat(signing.publicKeyPem()).hasValue(Files.readString(dir.resolve("public.pem")));
        byte[] message = "manifest".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(PackVerifier.publicKey(signing.publicKeyPem().orElseThrow()));
        verifier.update(message);
        assertThat(verifier.verify(signing.sign(message))).isTrue();

        SigningKey fromValue = new SigningKey(new EvidenceProperties(Files.readString(key), false));
        assertThat(fromValue.publicKeyPem()).isEqualTo(signing.publicKeyPem());
    }

    @Test
    void somethingThatIsNoEd25519KeyStopsTheStart(@TempDir Path dir) throws Exception {
        Path rsa = dir.resolve("rsa.pem");
        assertThat(run(dir, "openssl", "genpkey", "-algorithm", "rsa", "-pkeyopt", "rsa_keygen_bits:1024",
                "-out", rsa.toString())).isZero();
        assertThatThrownBy(() -> new SigningKey(new EvidenceProperties(rsa.toString(), true)))
                .hasMessageContaining("not an Ed25519 private key");
        assertThatThrownBy(() -> new SigningKey(new EvidenceProperties(dir.resolve("missing.pem").toString(), true)))
                .hasMessageContaining("neither a PEM key nor a readable file");
    }

    @Test
    void withoutAKeyTheDemoMakesAThrowawayOneAndProductionIssuesNoPack() throws Exception {
        SigningKey demo = new SigningKey(new EvidenceProperties("", true));
        assertThat(demo.available()).isTrue();
        assertThat(demo.throwaway()).isTrue();

        SigningKey none = new SigningKey(new EvidenceProperties(null, false));
        assertThat(none.available()).isFalse();
        assertThat(none.publicKeyPem()).isEmpty();
        EvidencePacks packs = mock(EvidencePacks.class);
        when(packs.signingAvailable()).thenReturn(false);
        AccessLog accessLog = mock(AccessLog.class);
        EvidenceController controller = new EvidenceController(packs, none, accessLog);

        ModelAndView page = controller.requestPack("DSR-2026-0000000000", () -> "dpo", new MockHttpServletResponse());
        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(page.getViewName()).isEqualTo("staff/evidence-refused");
        assertThat(controller.periodPack("2026-01-01", "2026-01-31", () -> "dpo", new MockHttpServletResponse())
                .getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(controller.publicKey().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verifyNoInteractions(accessLog);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePostgresProfileNeverMakesAThrowawayKey() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application-postgres.yml"))) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> evidence = (Map<String, Object>) ((Map<String, Object>) root.get("rightsflow"))
                    .get("evidence");
            assertThat(evidence).containsEntry("generate-dev-key", false);
        }
    }
}
