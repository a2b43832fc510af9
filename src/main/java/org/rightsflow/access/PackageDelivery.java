package org.rightsflow.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MailSecret;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.Digests;
import org.rightsflow.support.PublicLinks;
import org.rightsflow.support.SealedFiles;
import org.rightsflow.support.SecretsProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a package to the subject, who proves control of the email address once more: the status page asks for
 * a one-time code sent by email, the code opens a single-use download link, and each download is on the timeline.
 * Codes and links are stored only as keyed hashes. Every refusal says why in words the subject can act on, and
 * names nothing of the package.
 */
@Service
public class PackageDelivery {

    /** Why a code was not sent. */
    public enum CodeOutcome { SENT, TOO_MANY_CODES, NOT_AVAILABLE }

    /** Why a code did not open the download. */
    public enum RedeemFailure { WRONG, EXPIRED, USED, TOO_MANY_ATTEMPTS, NO_CODE, NOT_AVAILABLE }

    /**
     * The result of entering a code: the single-use link's secret, or why not.
     *
     * @param attemptsLeft after a wrong code, how many more tries the code allows
     */
    public record Redeemed(String ticket, RedeemFailure failure, int attemptsLeft) {

        public boolean ok() {
            return ticket != null;
        }
    }

    /** A download granted by a valid link: what to send and under which name. */
    public record Grant(String storageId, String fileName, long sizeBytes) {
    }

    private static final int CODE_DIGITS = 6;

    private final AccessPackages packages;
    private final PackageDownloads downloads;
    private final RequestDirectory requests;
    private final Outbox outbox;
    private final Timeline timeline;
    private final SealedFiles files;
    private final AccessPackageProperties properties;
    private final PublicLinks links;
    private final byte[] hashKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PackageDelivery(AccessPackages packages, PackageDownloads downloads, RequestDirectory requests, Outbox outbox,
                    Timeline timeline, SealedFiles files, AccessPackageProperties properties, PublicLinks links,
                    SecretsProperties secrets, Clock clock) {
        this.packages = packages;
        this.downloads = downloads;
        this.requests = requests;
        this.outbox = outbox;
        this.timeline = timeline;
        this.files = files;
        this.properties = properties;
        this.links = links;
        this.hashKey = ("access-package-download:" + secrets.linkKey()).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The request's package, whatever its state; empty when none was assembled. */
    @Transactional(readOnly = true)
    public Optional<PackageView> find(String reference) {
        return packages.findByRequestReference(reference).map(AccessPackage::toView);
    }

    /** Whether the subject can download the package now: sealed and not past its expiry. */
    public boolean downloadable(PackageView view) {
        return view.status() == PackageStatus.READY && clock.instant().isBefore(view.expiresAt());
    }

    /** How long the link opened by a code works, for the page that shows it. */
    public Duration ticketValidity() {
        return properties.ticketValidFor();
    }

    /** How long an emailed code works, for the page that asks for it. */
    public Duration codeValidity() {
        return properties.codeValidFor();
    }

    /** Emails a new one-time code; the codes sent before stop working. */
    @Transactional
    public CodeOutcome sendCode(String reference) {
        Instant now = clock.instant();
        Optional<AccessPackage> found = packages.findByRequestReference(reference).filter(p -> p.availableAt(now));
        if (found.isEmpty()) {
            return CodeOutcome.NOT_AVAILABLE;
        }
        AccessPackage pkg = found.get();
        if (downloads.countByPackageIdAndCreatedAtAfter(pkg.id(), now.minus(Duration.ofDays(1)))
                >= properties.codesPerDay()) {
            timeline.record(reference, Actors.SUBJECT, TimelineKind.DOWNLOAD_REFUSED,
                    "Download code not sent: " + properties.codesPerDay() + " codes in the last 24 hours already.");
            return CodeOutcome.TOO_MANY_CODES;
        }
        String code = newCode();
        downloads.save(new PackageDownload(pkg.id(), hash(pkg.id(), code), now.plus(properties.codeValidFor()), now));
        RequestDetails request = requests.get(reference);
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        model.put("code", MailSecret.downloadCode(code));
        model.put("minutes", properties.codeValidFor().toMinutes());
        model.put("statusUrl", MailSecret.statusLink(links.status(requests.statusToken(reference))));
        outbox.queue(new OutgoingMail(reference, MailKind.DOWNLOAD_CODE, request.subject().email(), model,
                request.language()));
        timeline.record(reference, Actors.SUBJECT, TimelineKind.DOWNLOAD_CODE_SENT,
                "Download code emailed to the subject, valid for " + properties.codeValidFor().toMinutes() + " minutes.");
        return CodeOutcome.SENT;
    }

    /**
     * Checks a code against the newest one sent for the request's package. A wrong code counts against it, and the
     * count is kept even though nothing else changes.
     */
    @Transactional
    public Redeemed redeem(String reference, String enteredCode) {
        Instant now = clock.instant();
        Optional<AccessPackage> found = packages.findByRequestReference(reference).filter(p -> p.availableAt(now));
        if (found.isEmpty()) {
            return refused(reference, RedeemFailure.NOT_AVAILABLE, 0);
        }
        AccessPackage pkg = found.get();
        List<PackageDownload> codes = downloads.findByPackageIdOrderByIdDesc(pkg.id());
        if (codes.isEmpty()) {
            return refused(reference, RedeemFailure.NO_CODE, 0);
        }
        PackageDownload latest = codes.get(0);
        if (latest.redeemedAt() != null) {
            return refused(reference, RedeemFailure.USED, 0);
        }
        if (latest.failedAttempts() >= properties.codeAttempts()) {
            return refused(reference, RedeemFailure.TOO_MANY_ATTEMPTS, 0);
        }
        if (!now.isBefore(latest.codeExpiresAt())) {
            return refused(reference, RedeemFailure.EXPIRED, 0);
        }
        String code = enteredCode == null ? "" : enteredCode.replaceAll("[\\s-]", "");
        if (!code.matches("\\d{" + CODE_DIGITS + "}") || !MessageDigest.isEqual(
                hash(pkg.id(), code).getBytes(StandardCharsets.US_ASCII),
                latest.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            latest.failedAttempt();
            int left = properties.codeAttempts() - latest.failedAttempts();
            return refused(reference, left <= 0 ? RedeemFailure.TOO_MANY_ATTEMPTS : RedeemFailure.WRONG, left);
        }
        String ticket = Digests.randomToken(32);
        latest.redeemed(Digests.hmacSha256Hex(hashKey, "ticket:" + ticket), now, now.plus(properties.ticketValidFor()));
        return new Redeemed(ticket, null, 0);
    }

    /**
     * Uses a download link: valid once, for a while, and only on the page of the request it was issued for. The
     * download is recorded before the first byte leaves.
     */
    @Transactional
    public Optional<Grant> claimDownload(String reference, String ticket) {
        Instant now = clock.instant();
        if (ticket == null || ticket.length() > 100) {
            return Optional.empty();
        }
        Optional<PackageDownload> found = downloads.findByTicketHash(Digests.hmacSha256Hex(hashKey, "ticket:" + ticket));
        Optional<AccessPackage> pkg = found.flatMap(download -> packages.findById(download.packageId()))
                .filter(p -> p.requestReference().equals(reference));
        if (pkg.isEmpty()) {
            refusedLink(reference);
            return Optional.empty();
        }
        PackageDownload download = found.get();
        if (download.downloadedAt() != null || !now.isBefore(download.ticketExpiresAt()) || !pkg.get().availableAt(now)) {
            refusedLink(reference);
            return Optional.empty();
        }
        download.downloaded(now);
        PackageView view = pkg.get().toView();
        timeline.record(reference, Actors.SUBJECT, TimelineKind.PACKAGE_DOWNLOADED,
                "The subject downloaded the package (" + view.readableSize() + ", SHA-256 " + view.sha256() + ").");
        return Optional.of(new Grant(pkg.get().storageId(), view.fileName(), view.sizeBytes()));
    }

    /** The sealed zip, decrypted as it is read. */
    public InputStream open(Grant grant) throws IOException {
        return files.open(grant.storageId());
    }

    private Redeemed refused(String reference, RedeemFailure failure, int attemptsLeft) {
        timeline.record(reference, Actors.SUBJECT, TimelineKind.DOWNLOAD_REFUSED, switch (failure) {
            case WRONG -> "Wrong download code entered (" + attemptsLeft + " attempt(s) left).";
            case EXPIRED -> "An expired download code was entered.";
            case USED -> "A download code that was already used was entered again.";
            case TOO_MANY_ATTEMPTS -> "Download code blocked after too many wrong attempts.";
            case NO_CODE -> "A download code was entered before any was sent.";
            case NOT_AVAILABLE -> "A download code was entered, but no package is available.";
        });
        return new Redeemed(null, failure, attemptsLeft);
    }

    private void refusedLink(String reference) {
        timeline.record(reference, Actors.SUBJECT, TimelineKind.DOWNLOAD_REFUSED,
                "A download link that is unknown, used, expired, or for another request was refused.");
    }

    private String newCode() {
        return String.format("%0" + CODE_DIGITS + "d", random.nextInt((int) Math.pow(10, CODE_DIGITS)));
    }

    private String hash(long packageId, String code) {
        return Digests.hmacSha256Hex(hashKey, "code:" + packageId + ":" + code);
    }
}
