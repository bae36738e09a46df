package org.factdesk.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditEntry;
import org.factdesk.audit.AuditLog;
import org.factdesk.audit.AuditPage;
import org.factdesk.audit.AuditQuery;
import org.factdesk.audit.AuditVerifier;
import org.factdesk.audit.Verification;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimOutcome;
import org.factdesk.claim.ClaimService;
import org.factdesk.identity.Roles;
import org.factdesk.shared.CsvWriter;
import org.factdesk.shared.web.Times;
import org.factdesk.shared.web.WordDiff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.factdesk.shared.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The correction history for auditors and editors: the log with filters and its CSV, one claim's timeline from flag
 * to publication, an article's revisions with the difference between any two, and one revision read whole.
 */
@Page
@RequestMapping("/audit")
class AuditPages {

    /** The filters of the log; dates are whole days in the newsroom's zone, both included. */
    record Filters(Long article, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, Category category,
            ClaimOutcome outcome, Integer page) {

        /** These filters as a query string, for the CSV link. */
        String query() {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance();
            add(query, "article", article);
            add(query, "from", from);
            add(query, "to", to);
            add(query, "actor", actor == null || actor.isBlank() ? null : actor);
            add(query, "category", category);
            add(query, "outcome", outcome);
            return query.build().encode().toUriString();
        }

        private static void add(UriComponentsBuilder query, String name, Object value) {
            if (value != null) {
                query.queryParam(name, value);
            }
        }
    }

    /** One line of the log with what the filters and the table need to know about its claim. */
    record Row(AuditEntry entry, String headline, Claim claim) {

        public ClaimOutcome outcome() {
            return claim == null ? null : claim.outcome();
        }
    }

    /** One step on a claim's way, done or still to come. */
    record Stage(String name, boolean done) {
    }

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Times times;

    AuditPages(AuditLog log, AuditVerifier verifier, ClaimService claims, ArticleService articles, Times times) {
        this.log = log;
        this.verifier = verifier;
        this.claims = claims;
        this.articles = articles;
        this.times = times;
    }

    /** How many entries a page of the log shows. */
    static final int PAGE_SIZE = 100;
    /** How many articles the article filter lists. */
    private static final int ARTICLE_CHOICES = 200;
    /** How many entries the CSV reads at a time. */
    private static final int EXPORT_CHUNK = 1000;

    @GetMapping
    String log(Filters filters, Model model, HttpServletRequest request) {
        // Those who check the chain see its head on the log, and may recompute it from here.
        if (Arrays.stream(Roles.CHAIN_CHECKERS).anyMatch(request::isUserInRole)) {
            model.addAttribute("head", verifier.head());
        }
        int page = filters.page() == null || filters.page() < 0 ? 0 : filters.page();
        AuditPage found = log.page(query(filters), true, page, PAGE_SIZE);
        List<Row> rows = rows(found.entries());
        model.addAttribute("filters", filters);
        model.addAttribute("rows", rows);
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", found.lastPage());
        model.addAttribute("pageLink", "/audit" + filters.query() + (filters.query().isEmpty() ? "?" : "&")
                + "page=");
        model.addAttribute("articles", articleChoices(filters.article()));
        model.addAttribute("actors", rows.stream().map(r -> r.entry().actor()).distinct().sorted().toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("outcomes", ClaimOutcome.values());
        model.addAttribute("csv", "/audit/export" + filters.query());
        return "audit";
    }

    /**
     * Recomputes the whole chain, as {@code GET /api/audit/verify} does, and says on the log what it found: intact up
     * to the head shown, or the first entry that was altered.
     */
    @PostMapping("/verify")
    String verify(RedirectAttributes flash) {
        Verification found = verifier.verify(null, null);
        flash.addFlashAttribute("verification", found);
        if (found.valid()) {
            flash.addFlashAttribute("success", String.format(Locale.UK, "The audit chain is intact: all %,d entries "
                    + "link to the one before and match their hashes, up to head %s.", found.entries(), found.head()));
        } else {
            flash.addFlashAttribute("problem", String.format(Locale.UK, "The audit chain is broken at entry %,d of "
                    + "%,d: %s", found.firstBrokenAt(), found.entries(), found.reason()));
        }
        return "redirect:/audit";
    }

    /** The rows the same filters show, as CSV: times in UTC and in the newsroom's zone, written as they go. */
    @GetMapping("/export")
    void export(Filters filters, HttpServletResponse response) throws IOException {
        AuditQuery query = query(filters);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("factdesk-audit-" + times.today() + ".csv").build().toString());
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8)), CsvWriter.Mode.SPREADSHEET_SAFE);
        csv.row("at_utc", "at_" + times.zone().getId(), "actor", "action", "article_id", "article", "claim_id",
                "category", "outcome", "revision", "before", "after", "detail");
        // Newest first, a chunk at a time: memory holds one chunk, however long the log.
        Long before = null;
        for (List<AuditEntry> chunk = log.newestBefore(query, null, EXPORT_CHUNK); !chunk.isEmpty();
                chunk = log.newestBefore(query, before, EXPORT_CHUNK)) {
            for (Row row : rows(chunk)) {
                AuditEntry e = row.entry();
                csv.row(times.iso(e.at()), times.at(e.at()), e.actor(), e.action(), text(e.articleId()),
                        row.headline(), text(e.claimId()), row.claim() == null ? null : row.claim().category().name(),
                        row.outcome() == null ? null : row.outcome().name(), text(e.revision()), e.before(),
                        e.after(), e.detail());
            }
            before = chunk.get(chunk.size() - 1).seq();
        }
        csv.flush();
    }

    @GetMapping("/claims/{id}")
    String timeline(@PathVariable long id, Model model) {
        Claim claim = claims.get(id);
        List<AuditEntry> steps = log.find(new AuditQuery(null, id, null, null, null));
        model.addAttribute("claim", claim);
        model.addAttribute("article", articles.get(claim.articleId()));
        model.addAttribute("steps", steps);
        model.addAttribute("outcome", claim.outcome());
        model.addAttribute("stages", stages(steps));
        Map<Long, List<WordDiff.Paragraph>> diffs = new HashMap<>();
        for (AuditEntry step : steps) {
            if (step.before() != null && step.after() != null) {
                diffs.put(step.id(), WordDiff.changedParagraphs(step.before(), step.after()));
            }
        }
        model.addAttribute("diffs", diffs);
        return "audit-claim";
    }

    @GetMapping("/articles/{id}")
    String revisions(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        Article article = articles.get(id);
        List<ArticleRevision> revisions = IntStream.rangeClosed(1, article.currentRevision())
                .mapToObj(n -> articles.revision(id, n)).toList();
        int newer = to == null ? article.currentRevision() : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        ArticleRevision a = articles.revision(id, older);
        ArticleRevision b = articles.revision(id, newer);
        model.addAttribute("article", article);
        model.addAttribute("revisions", revisions);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        model.addAttribute("older", a);
        model.addAttribute("newer", b);
        model.addAttribute("headlineChanged", !a.headline().equals(b.headline()));
        model.addAttribute("diff", WordDiff.changedParagraphs(a.body(), b.body()));
        model.addAttribute("between", revisions.stream()
                .filter(r -> r.revision() > Math.min(older, newer) && r.revision() <= Math.max(older, newer))
                .filter(ArticleRevision::isCorrection).toList());
        return "audit-revisions";
    }

    /**
     * One revision whole, as readers saw it while it was the article's text: headline, paragraphs and the notices
     * live then (a retraction among them says readers saw its notice instead of the text), with who published it,
     * when to the second and for which claim. An article or revision that does not exist is the 404 page.
     */
    @GetMapping("/articles/{id}/revisions/{n}")
    String revision(@PathVariable long id, @PathVariable int n, Model model) {
        Article article = articles.get(id);
        ArticleRevision revision = articles.revision(id, n);
        List<ArticleRevision> live = articles.publicNoticesAt(id, n);
        model.addAttribute("article", article);
        model.addAttribute("revision", revision);
        model.addAttribute("paragraphs", List.of(revision.body().split("\n", -1)));
        model.addAttribute("claim", revision.claimId() == null ? null : claims.find(revision.claimId()).orElse(null));
        model.addAttribute("previous", n > 1 ? n - 1 : null);
        model.addAttribute("next", n < article.currentRevision() ? n + 1 : null);
        model.addAttribute("current", n == article.currentRevision());
        model.addAttribute("editorsNotes", live.stream().filter(r -> r.kind() == CorrectionKind.EDITORS_NOTE).toList());
        model.addAttribute("retraction", live.stream().filter(r -> r.kind() == CorrectionKind.RETRACTION)
                .reduce((first, later) -> later).orElse(null));
        model.addAttribute("corrections", live.stream().filter(r -> r.kind() == CorrectionKind.CORRECTION
                || r.kind() == CorrectionKind.CLARIFICATION).toList());
        // Readers' "Updated" line moves only with a notice they are told of; a silent fix leaves it.
        model.addAttribute("updatedAt", live.isEmpty() ? null : live.get(live.size() - 1).createdAt());
        return "audit-revision";
    }

    /** The articles the filter offers: the most recent ones, and the one chosen if it is older. */
    private List<Article> articleChoices(Long chosen) {
        List<Article> recent = new ArrayList<>(articles.recent(ARTICLE_CHOICES));
        if (chosen != null && recent.stream().noneMatch(a -> a.id() == chosen)) {
            recent.addAll(articles.all(List.of(chosen)).values());
        }
        return recent;
    }

    private AuditQuery query(Filters filters) {
        Instant from = filters.from() == null ? null : filters.from().atStartOfDay(times.zone()).toInstant();
        Instant to = filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(times.zone()).toInstant();
        String actor = filters.actor() == null || filters.actor().isBlank() ? null : filters.actor().strip();
        return new AuditQuery(filters.article(), null, from, to, actor, filters.category(), filters.outcome());
    }

    /** Rows for these entries, with one query for their claims and one for their articles, not one per row. */
    private List<Row> rows(List<AuditEntry> entries) {
        Map<Long, Claim> byId = claims.all(entries.stream().map(AuditEntry::claimId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, Article> articlesById = articles.all(entries.stream().map(AuditEntry::articleId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return entries.stream().map(entry -> new Row(entry, entry.articleId() == null
                        || !articlesById.containsKey(entry.articleId()) ? null
                        : articlesById.get(entry.articleId()).headline(),
                entry.claimId() == null ? null : byId.get(entry.claimId()))).toList();
    }

    private static List<Stage> stages(List<AuditEntry> steps) {
        Set<AuditAction.Stage> done = EnumSet.noneOf(AuditAction.Stage.class);
        steps.stream().sorted(java.util.Comparator.comparingLong(AuditEntry::seq))
                .forEach(step -> AuditAction.named(step.action()).ifPresent(action -> {
                    if (action.sendsBack()) {
                        // A returned claim is verified and approved again: the bar shows where it stands now.
                        done.removeIf(stage -> stage.compareTo(AuditAction.Stage.CLAIMED) > 0);
                    }
                    action.stage().ifPresent(done::add);
                }));
        return Arrays.stream(AuditAction.Stage.values()).map(stage -> new Stage(stage.label(), done.contains(stage)))
                .toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
