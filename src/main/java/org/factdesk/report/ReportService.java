package org.factdesk.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimActivity;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.FlagRequest;
import org.factdesk.identity.Roles;
import org.factdesk.publication.CorrectionPublished;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.Paged;
import org.factdesk.shared.Paging;
import org.factdesk.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes reader reports and carries out the desk's triage of them. Filing checks every field against its limit, the
 * quote against the article's current text, and the client's share ({@link ReportThrottle}) before anything is
 * written, then stores the report and, through {@link ReaderReportFiled}, starts its triage. Triage (called by the
 * review's listener inside the engine, so every door obeys it) accepts a report as a claim with source
 * {@value ClaimService#SOURCE_READER}, merges it into an open claim on the same words, or dismisses it with a reason.
 * The reader's email is kept only with consent, erased on request, on dismissal (of the report, or of the claim it
 * became or joined), and once the reader was told of the published correction.
 */
@Service
public class ReportService {

    /** A quote a reader sends: a few words or a sentence, far less than a desk member may flag. */
    public static final int QUOTE = 500;
    /** What the reader says is wrong. */
    public static final int PROBLEM = 2_000;
    /** An email address (RFC 5321's limit on a path). */
    public static final int EMAIL = 254;

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String READER = "reader";

    private final ReportRepository reports;
    private final ArticleService articles;
    private final ClaimService claims;
    private final ReportThrottle throttle;
    private final ReportSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReportService(ReportRepository reports, ArticleService articles, ClaimService claims, ReportThrottle throttle,
            ReportSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.articles = articles;
        this.claims = claims;
        this.throttle = throttle;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A report stored: its id, and the token of the reader's erasure link (shown once, never stored). */
    public record Filed(long reportId, String erasureToken) {
    }

    /**
     * Files a reader's report on the current text of an article. Refused, with nothing stored: a field over its
     * limit or empty where required, a quote that is not in the current text, an email without the consent box
     * ticked or not shaped like an address ({@link InvalidReport}, 400); a client over its share (429).
     */
    @Transactional
    public Filed file(long articleId, ReportRequest request, String clientAddress) {
        String quote = field("quote", request.quote(), QUOTE);
        String problem = field("problem", request.problem(), PROBLEM);
        String email = field("email", request.email(), EMAIL);
        if (quote == null) {
            throw new InvalidReport("quote", "invalid-report", "Select or type the words that are wrong.");
        }
        if (problem == null) {
            throw new InvalidReport("problem", "invalid-report", "Tell us what is wrong with these words.");
        }
        if (email != null && !EMAIL_SHAPE.matcher(email).matches()) {
            throw new InvalidReport("email", "invalid-email", "'" + email + "' does not look like an email address; "
                    + "correct it or leave the field empty.");
        }
        if (email != null && !request.consent()) {
            throw new InvalidReport("consent", "consent-required", "Tick the box to let us keep your email and write "
                    + "to you about this report, or leave the email out.");
        }
        ArticleRevision current = articles.current(articleId);
        TextAnchor anchor = place(current.body(), quote, request.start());
        throttle.take(clientAddress);
        Instant now = clock.instant();
        String token = newToken();
        long id = reports.insert(articleId, current.revision(), anchor, problem, email, email == null ? null : now,
                hash(token), now);
        events.publishEvent(new ReaderReportFiled(id, articleId));
        activity(id, articleId, null, ReaderReportActivity.Action.FILED, READER, "Reader report on '" + quote
                + "' at " + anchor.start() + ".." + anchor.end() + " of revision " + current.revision()
                + (email == null ? "" : "; the reader left an email with consent"));
        return new Filed(id, token);
    }

    /** The quote at the place the reader selected, or else its first place in the text. */
    private static TextAnchor place(String text, String quote, Integer start) {
        if (start != null && start >= 0 && start <= text.length() - quote.length() && text.startsWith(quote, start)) {
            return TextAnchor.at(text, start, start + quote.length());
        }
        List<Integer> starts = TextAnchor.occurrences(text, quote);
        if (starts.isEmpty()) {
            throw new InvalidReport("quote", "quote-not-found", "We could not find these exact words in the article. "
                    + "Copy them from the text, or select them on the page.");
        }
        return TextAnchor.at(text, starts.get(0), starts.get(0) + quote.length());
    }

    private static String field(String name, String value, int max) {
        try {
            InputLimits.check(name, value, max);
        } catch (ProblemException refused) {
            throw new InvalidReport(name, refused.type(), refused.getMessage());
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A report for the desk: the reader's words, never their email. */
    @Transactional(readOnly = true)
    @Roles.Reviewers
    public ReaderReport get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** How many reports a page of {@link #search} holds unless asked for another size, and at most. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 500;

    /** One page of the reports on an article (or all) in a state (or any), oldest first, paged in the database. */
    @Transactional(readOnly = true)
    @Roles.Reviewers
    public Paged<ReaderReport> search(Long articleId, ReportState state, Paging paging) {
        return new Paged<>(reports.search(articleId, state, paging), reports.count(articleId, state), paging);
    }

    /** The report, for the review's own bookkeeping (its task rows); pages use {@link #get}. */
    public Optional<ReaderReport> find(long id) {
        return reports.find(id);
    }

    // The triage steps below are called by the review's listener, inside the engine's transaction.

    /**
     * Accepts the report: flags a claim on the reader's words, where they stand now in the current text, with source
     * {@value ClaimService#SOURCE_READER}; {@code by}, who accepts it, is its flagger (so may not approve it).
     */
    @Transactional
    public Claim accept(long reportId, String by, String category, String severity, String replacement,
            String note) {
        ReaderReport report = open(reportId);
        ArticleRevision current = articles.current(report.articleId());
        TextAnchor now = whereNow(report, current).orElseThrow(() -> ProblemException.conflict("report-quote-gone",
                "The words of report " + reportId + " ('" + report.quote() + "') are no longer in the current text "
                + "of article " + report.articleId() + "; merge the report into the claim that changed them, or "
                + "dismiss it."));
        Claim claim = claims.flag(report.articleId(), new FlagRequest(now.exact(), null, now.start(), null, category,
                severity, replacement, note == null || note.isBlank() ? "From reader report " + reportId : note),
                by, ClaimService.SOURCE_READER);
        triaged(report, ReportState.ACCEPTED, claim.id(), by, null);
        activity(reportId, report.articleId(), claim.id(), ReaderReportActivity.Action.ACCEPTED, by,
                "Report " + reportId + " accepted as claim " + claim.id());
        return claim;
    }

    /**
     * Merges the report into an open claim on the same article whose words overlap the reader's where they stand in
     * the current text; a closed claim, or one on other words, is refused (409).
     */
    @Transactional
    public void merge(long reportId, long claimId, String by) {
        ReaderReport report = open(reportId);
        Claim claim = claims.get(claimId);
        if (claim.articleId() != report.articleId()) {
            throw ProblemException.conflict("merge-other-words", "Claim " + claimId + " is on article "
                    + claim.articleId() + "; report " + reportId + " is on article " + report.articleId() + ".");
        }
        if (!claim.state().isOpen()) {
            throw ProblemException.conflict("merge-closed-claim", "Claim " + claimId + " is " + claim.state().label()
                    .toLowerCase(java.util.Locale.ROOT) + "; merge the report into an open claim, or accept it as a "
                    + "new one.");
        }
        ArticleRevision current = articles.current(report.articleId());
        Optional<TextAnchor> reported = whereNow(report, current);
        String flaggedOn = articles.revision(claim.articleId(), claim.revision()).body();
        boolean overlaps = reported.isPresent() && claim.placesIn(flaggedOn, current.body()).stream()
                .anyMatch(at -> at < reported.get().end() && at + claim.quote().length() > reported.get().start());
        if (!overlaps) {
            throw ProblemException.conflict("merge-other-words", "Claim " + claimId + " is on '" + claim.quote()
                    + "', not on the words of report " + reportId + " ('" + report.quote() + "'); merge it into a "
                    + "claim on the same words, or accept it as a new claim.");
        }
        triaged(report, ReportState.MERGED, claimId, by, null);
        activity(reportId, report.articleId(), claimId, ReaderReportActivity.Action.MERGED, by,
                "Report " + reportId + " merged into claim " + claimId);
    }

    /** Dismisses the report with the desk's reason; nobody will write to the reader, so their email goes now. */
    @Transactional
    public void dismiss(long reportId, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("invalid-reason", "Dismissing a reader report needs a 'reason' that "
                    + "records why.");
        }
        InputLimits.check("reason", reason, InputLimits.NOTE);
        ReaderReport report = open(reportId);
        triaged(report, ReportState.DISMISSED, null, by, reason.strip());
        reports.eraseEmail(reportId);
        activity(reportId, report.articleId(), null, ReaderReportActivity.Action.DISMISSED, by,
                "Report " + reportId + " dismissed: " + reason.strip());
    }

    private ReaderReport open(long reportId) {
        ReaderReport report = reports.lock(reportId).orElseThrow(() -> notFound(reportId));
        if (report.state() != ReportState.OPEN) {
            throw alreadyTriaged(report);
        }
        return report;
    }

    private void triaged(ReaderReport report, ReportState state, Long claimId, String by, String reason) {
        if (!reports.triage(report.id(), state, claimId, by, reason, clock.instant())) {
            throw alreadyTriaged(report);
        }
    }

    private static ProblemException alreadyTriaged(ReaderReport report) {
        return ProblemException.conflict("report-already-triaged", "Reader report " + report.id() + " was already "
                + "triaged (" + report.state().name().toLowerCase(java.util.Locale.ROOT) + ").");
    }

    /** Where the report's words stand in the article's current text, if the corrections since left them unchanged. */
    @Transactional(readOnly = true)
    public Optional<TextAnchor> whereNow(ReaderReport report) {
        return whereNow(report, articles.current(report.articleId()));
    }

    /** The reader's words where they stand in the current text, if the corrections since left them unchanged. */
    private Optional<TextAnchor> whereNow(ReaderReport report, ArticleRevision current) {
        if (report.revision() == current.revision()) {
            return Optional.of(report.anchor());
        }
        String read = articles.revision(report.articleId(), report.revision()).body();
        return report.anchor().relocate(read, current.body());
    }

    /**
     * A claim that readers reported is live: each such reader who consented is told through
     * {@link ReaderReportResolved}, and their email is erased in the same transaction.
     */
    @EventListener
    @Transactional
    void on(CorrectionPublished published) {
        Instant now = clock.instant();
        for (ReportRepository.Resolvable report : reports.resolvable(published.claimId())) {
            if (report.email() != null) {
                events.publishEvent(new ReaderReportResolved(report.id(), report.email(), report.articleId(),
                        published.claimId(), correctionLink(report.articleId(), published.claimId())));
            }
            reports.resolved(report.id(), now);
            activity(report.id(), report.articleId(), published.claimId(), ReaderReportActivity.Action.RESOLVED,
                    "system", "Claim " + published.claimId() + " of report " + report.id() + " published"
                    + (report.email() == null ? "" : "; the reader is told and their email erased"));
        }
    }

    /**
     * A claim readers reported ended without a correction (not an error, rejected, or its review cancelled): nobody
     * will write to them, so their emails go now.
     */
    @EventListener
    @Transactional
    void on(ClaimActivity activity) {
        if (activity.state() == ClaimState.DISMISSED || activity.state() == ClaimState.CANCELLED) {
            reports.eraseEmailsOfClaim(activity.claimId());
        }
    }

    /** The public page of a claim's correction, as readers reach it. */
    public String correctionLink(long articleId, long claimId) {
        return settings.publicUrl() + "/public/articles/" + articleId + "#correction-" + claimId;
    }

    /** The reader's erasure link for a token. */
    public String erasureLink(String token) {
        return settings.publicUrl() + "/public/reports/erase?token=" + token;
    }

    /**
     * Erases, at the reader's request, their email and what they wrote; the words of the article they quoted stay, so
     * the desk's work on them keeps its record. A second request with the same link changes nothing. The audit log
     * records that it happened, never what was erased.
     */
    @Transactional
    public long erase(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw ProblemException.notFound("erasure-link-unknown", "This erasure link is not complete; open the "
                    + "link exactly as FactDesk gave it.");
        }
        long id = reports.idOfToken(hash(token)).orElseThrow(() -> ProblemException.notFound("erasure-link-unknown",
                "This erasure link belongs to no report; open the link exactly as FactDesk gave it."));
        ReaderReport report = reports.lock(id).orElseThrow(() -> notFound(id));
        if (report.erasedAt() == null) {
            reports.erase(id, clock.instant());
            activity(id, report.articleId(), report.claimId(), ReaderReportActivity.Action.ERASED, READER,
                    "The reader's email and words in report " + id + " erased at their request");
        }
        return id;
    }

    private void activity(long reportId, long articleId, Long claimId, ReaderReportActivity.Action action,
            String actor, String detail) {
        events.publishEvent(new ReaderReportActivity(reportId, articleId, claimId, action, actor, clock.instant(),
                detail));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("report-not-found", "There is no reader report with id " + id + ".");
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
