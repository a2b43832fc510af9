package org.rightsflow.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.support.SpreadsheetCsv;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.SealedFile;
import org.rightsflow.support.SealedFiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the package of an access or portability request once every system has answered (and staff have
 * reviewed it, where configured): the zip is written straight into a sealed file, never held in memory, and
 * becomes downloadable for {@code rightsflow.access-package.link-valid-for}.
 */
@Service
public class PackageAssembly {

    static final String KIND = "access-package";

    private final PackageSources sources;
    private final SummaryPage summaryPage;
    private final SealedFiles files;
    private final SystemActions actions;
    private final AccessPackages packages;
    private final RequestDirectory requests;
    private final Timeline timeline;
    private final AccessPackageProperties properties;
    private final Clock clock;

    PackageAssembly(PackageSources sources, SummaryPage summaryPage, SealedFiles files, SystemActions actions,
                    AccessPackages packages, RequestDirectory requests, Timeline timeline,
                    AccessPackageProperties properties, Clock clock) {
        this.sources = sources;
        this.summaryPage = summaryPage;
        this.files = files;
        this.actions = actions;
        this.packages = packages;
        this.requests = requests;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether staff review this kind of package before release ({@code review-before-release}). */
    public boolean reviewRequired(Regime regime, RequestType type) {
        return properties.reviewRequired(regime, type);
    }

    /**
     * Assembles, seals and releases the request's package. Runs again harmlessly: a package already assembled is
     * returned as it is.
     *
     * @param reviewedBy the staff member who reviewed it, or null when released without review
     * @param dataSince  the start of the lookback the systems applied, for the summary; null when there was none
     */
    @Transactional
    public PackageView assemble(String reference, String reviewedBy, Instant dataSince) {
        Optional<AccessPackage> existing = packages.findByRequestReference(reference);
        if (existing.isPresent()) {
            return existing.get().toView();
        }
        RequestDetails request = requests.get(reference);
        List<PackageSources.SystemSource> parts = sources.of(reference);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.linkValidFor());
        String summary = summaryPage.render(request, parts, this::firstRows, now, expiresAt, dataSince);
        MessageDigest sha256 = sha256();
        int[] entries = new int[1];
        SealedFile sealed;
        try {
            sealed = files.write(KIND, out -> {
                OutputStream digesting = new DigestOutputStream(out, sha256);
                entries[0] = sources.writer().write(digesting, reference, summary,
                        parts.stream().map(part -> part.toPart(actions)).toList()).entries().size();
                digesting.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The access package of " + reference + " could not be written ("
                    + e.getMessage() + ")", e);
        }
        AccessPackage assembled = packages.save(new AccessPackage(reference, sealed.id(), sealed.size(),
                HexFormat.of().formatHex(sha256.digest()), entries[0], reviewedBy, now, expiresAt));
        PackageView view = assembled.toView();
        timeline.record(reference, Actors.SYSTEM, TimelineKind.PACKAGE_READY, "Package assembled and sealed: "
                + view.fileCount() + " file(s), " + view.readableSize() + ", SHA-256 " + view.sha256()
                + (reviewedBy == null ? "" : ", reviewed by " + reviewedBy) + ". Downloadable until " + expiresAt + ".");
        return view;
    }

    /** A table's first rows as text, read by the package writer exactly as it writes the CSV file. */
    private List<List<String>> firstRows(PackageSources.SystemSource source, TableShape shape, int limit) {
        List<List<String>> rows = new ArrayList<>();
        try {
            sources.writer().forEachRow(source.toPart(actions), shape, limit,
                    cells -> rows.add(cells.stream().map(PackageAssembly::text).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("The data of " + source.key() + " could not be read for the summary ("
                    + e.getMessage() + ")", e);
        }
        return rows;
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof SpreadsheetCsv.Value value ? value.text() : cell.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
