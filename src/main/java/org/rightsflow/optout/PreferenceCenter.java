package org.rightsflow.optout;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.deadline.Regime;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MailSecret;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.support.DataCipher;
import org.rightsflow.support.Digests;
import org.rightsflow.support.Languages;
import org.rightsflow.support.PublicLinks;
import org.rightsflow.support.SubjectHashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal's opt-out pages and preference center do: record a choice from a form or a browser's GPC
 * signal, and let a subject who proves control of their mailbox (a link we email) see and change every choice.
 * An opt-out needs no proof (CCPA §7026(d)); seeing one's choices and opting back in do, since they are about a
 * particular person.
 */
@Service
public class PreferenceCenter {

    private final ConsentLedger ledger;
    private final JdbcTemplate jdbc;
    private final SubjectHashes keys;
    private final DataCipher cipher;
    private final Outbox outbox;
    private final PublicLinks links;
    private final Duration linkValidFor;
    private final Clock clock;

    PreferenceCenter(ConsentLedger ledger, JdbcTemplate jdbc, SubjectHashes keys, DataCipher cipher, Outbox outbox,
                     PublicLinks links, OptOutProperties properties, Clock clock) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.keys = keys;
        this.cipher = cipher;
        this.outbox = outbox;
        this.links = links;
        this.linkValidFor = properties.preferenceLinkValidFor();
        this.clock = clock;
    }

    /** The subject behind a valid preference link: who they are, for as long as the link lasts. */
    public record VerifiedSubject(String email, Instant until) implements java.io.Serializable {
        @Override
        public String toString() {
            return "VerifiedSubject[redacted]";
        }
    }

    /**
     * Records an opt-out from one of the portal's forms (or a GPC signal the browser sent with it), and emails the
     * address a confirmation with a link to the preference center, where the mailbox's owner can see the choice and
     * undo it if it was not theirs.
     *
     * @return what was recorded
     */
    @Transactional
    public Recorded optOut(String email, Purpose purpose, SignalSource source, Regime regime) {
        return optOut(email, purpose, source, regime, true);
    }

    /**
     * As {@link #optOut(String, Purpose, SignalSource, Regime)}; {@code confirmByEmail} false records the opt-out
     * without the confirmation email (the address has had all the mail the public forms may send it today).
     */
    @Transactional
    public Recorded optOut(String email, Purpose purpose, SignalSource source, Regime regime, boolean confirmByEmail) {
        Recorded recorded = ledger.record(List.of(new Signal(email, purpose, Choice.OPT_OUT, source, regime,
                clock.instant()))).get(0);
        if (source == SignalSource.FORM && confirmByEmail) {
            Map<String, Object> model = new HashMap<>();
            model.put("purpose", purpose.name());
            model.put("alreadyOptedOut", recorded.outcome() == Recorded.Outcome.UNCHANGED);
            model.put("dueOn", recorded.dueOn());
            model.put("preferencesUrl", MailSecret.preferenceLink(links.preferences(newLink(email))));
            model.put("validHours", linkValidFor.toHours());
            outbox.queue(new OutgoingMail(null, MailKind.OPT_OUT_CONFIRMATION, email.strip(), model,
                    Languages.current()));
        }
        return recorded;
    }

    /**
     * Emails a link to the preference center. Sent whatever we hold about the address, and the page says the same
     * either way, so nobody learns from it whether someone is our customer.
     */
    @Transactional
    public void sendLink(String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("preferencesUrl", MailSecret.preferenceLink(links.preferences(newLink(email))));
        model.put("validHours", linkValidFor.toHours());
        // In the language of the page the person asked from: we hold no request, and no language, for them.
        outbox.queue(new OutgoingMail(null, MailKind.PREFERENCES_LINK, email.strip(), model, Languages.current()));
    }

    /** The subject a link proves, while it is valid. Unknown, altered and expired links prove nobody. */
    @Transactional(readOnly = true)
    public Optional<VerifiedSubject> follow(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("select key_id, email_cipher, expires_at from preference_link where token_hash = ?",
                        (row, n) -> new VerifiedSubject(new String(cipher.decrypt(row.getString(1), row.getString(2)),
                                StandardCharsets.UTF_8), row.getTimestamp(3).toInstant()), Digests.sha256Hex(token))
                .stream().filter(subject -> subject.until().isAfter(clock.instant())).findFirst();
    }

    @Transactional(readOnly = true)
    public Map<Purpose, ConsentState> choicesOf(VerifiedSubject subject) {
        return ledger.stateOf(subject.email());
    }

    @Transactional(readOnly = true)
    public List<ConsentRecordView> historyOf(VerifiedSubject subject) {
        return ledger.historyOf(subject.email());
    }

    /**
     * Records the choices a verified subject made in the preference center (or that their browser's GPC signal made
     * for them); unchanged purposes record nothing.
     */
    @Transactional
    public List<Recorded> choose(VerifiedSubject subject, Map<Purpose, Choice> choices, SignalSource source,
                                 Regime regime) {
        if (!subject.until().isAfter(clock.instant())) {
            throw new IllegalStateException("the preference link has expired");
        }
        List<Signal> signals = new ArrayList<>();
        choices.forEach((purpose, choice) -> signals.add(new Signal(subject.email(), purpose, choice, source, regime,
                clock.instant())));
        return signals.isEmpty() ? List.of() : ledger.record(signals);
    }

    /** Expired links are deleted with the email they held. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "preference-link-purge")
    @Transactional
    public void deleteExpiredLinks() {
        jdbc.update("delete from preference_link where expires_at < ?", Timestamp.from(clock.instant()));
    }

    private String newLink(String email) {
        String token = Digests.randomToken(32);
        Instant now = clock.instant();
        jdbc.update("insert into preference_link (token_hash, subject_key, key_id, email_cipher, expires_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)", Digests.sha256Hex(token), keys.ofEmail(email), cipher.currentKeyId(),
                cipher.encrypt(email.strip().getBytes(StandardCharsets.UTF_8)), Timestamp.from(now.plus(linkValidFor)),
                Timestamp.from(now));
        return token;
    }
}
