package org.factdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.audit.AuditEntry;
import org.factdesk.audit.AuditLog;
import org.factdesk.audit.AuditQuery;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The correction history for auditors and editors: the log with filters and its CSV, one claim's timeline from flag
 * to publication, and an article's revisions with the difference between any two.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    /** What became of a claim, as the outcome filter names it. */
    enum Outcome {
        OPEN("Still open"), CORRECTED("Corrected"), CLARIFIED("Clarified"), DISMISSED("Dismissed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Outcome of(Claim claim) {
            if (claim.state() == ClaimState.DISMISSED) {
                return DISMISSED;
            }
            if (claim.state() != ClaimState.PUBLISHED) {
                return OPEN;
            }
            return "CLARIFICATION_NEEDED".equals(claim.verdict()) ? CLARIFIED : CORRECTED;
        }
    }

    /** The filters of the log; dates are whole days in the newsroom's zone, both included. */
    record Filters(Long article, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, Category category,
            Outcome outcome) {

        boolean byClaim() {
            return category != null || outcome != null;
        }

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
    record Row(AuditEntry entry, String headline, Claim claim, Outcome outcome) {
    }

    /** One step on a claim's way, done or still to come. */
    record Stage(String name, boolean done) {
    }

    private final AuditLog log;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Times times;

    AuditPages(AuditLog log, ClaimService claims, ArticleService articles, Times times) {
        this.log = log;
        this.claims = claims;
        this.articles = articles;
        this.times = times;
    }

    @GetMapping
    String log(Filters filters, Model model) {
        List<Row> rows = rows(filters);
        model.addAttribute("filters", filters);
        model.addAttribute("rows", rows);
        model.addAttribute("articles", articles.list());
        model.addAttribute("actors", rows.stream().map(r -> r.entry().actor()).distinct().sorted().toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("csv", "/audit/export" + filters.query());
        return "audit";
    }

    /** The rows the same filters show, as CSV: times in UTC and in the newsroom's zone. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(Filters filters) {
        StringBuilder csv = new StringBuilder();
        line(csv, "at_utc", "at_" + times.zone().getId(), "actor", "action", "article_id", "article", "claim_id",
                "category", "outcome", "revision", "before", "after", "detail");
        for (Row row : rows(filters)) {
            AuditEntry e = row.entry();
            line(csv, times.iso(e.at()), times.at(e.at()), e.actor(), e.action(), text(e.articleId()),
                    row.headline(), text(e.claimId()), row.claim() == null ? "" : row.claim().category().name(),
                    row.outcome() == null ? "" : row.outcome().name(), text(e.revision()), e.before(), e.after(),
                    e.detail());
        }
        String name = "factdesk-audit-" + times.today() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/claims/{id}")
    String timeline(@PathVariable long id, Model model) {
        Claim claim = claims.get(id);
        List<AuditEntry> steps = log.find(new AuditQuery(null, id, null, null, null));
        model.addAttribute("claim", claim);
        model.addAttribute("article", articles.get(claim.articleId()));
        model.addAttribute("steps", steps);
        model.addAttribute("outcome", Outcome.of(claim));
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

    private List<Row> rows(Filters filters) {
        Instant from = filters.from() == null ? null : filters.from().atStartOfDay(times.zone()).toInstant();
        Instant to = filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(times.zone()).toInstant();
        String actor = filters.actor() == null || filters.actor().isBlank() ? null : filters.actor().strip();
        Map<Long, Optional<Claim>> claimCache = new HashMap<>();
        Map<Long, String> headlines = new HashMap<>();
        List<Row> rows = log.find(new AuditQuery(filters.article(), null, from, to, actor)).stream()
                .map(entry -> {
                    Claim claim = entry.claimId() == null ? null : claimCache.computeIfAbsent(entry.claimId(),
                            claimId -> Optional.of(claims.get(claimId))).orElse(null);
                    String headline = entry.articleId() == null ? null : headlines.computeIfAbsent(entry.articleId(),
                            articleId -> articles.get(articleId).headline());
                    return new Row(entry, headline, claim, claim == null ? null : Outcome.of(claim));
                })
                .filter(row -> !filters.byClaim() || row.claim() != null)
                .filter(row -> filters.category() == null || row.claim().category() == filters.category())
                .filter(row -> filters.outcome() == null || row.outcome() == filters.outcome())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        // Newest first: an auditor usually asks what just happened.
        java.util.Collections.reverse(rows);
        return rows;
    }

    private static List<Stage> stages(List<AuditEntry> steps) {
        java.util.function.Predicate<String> did = action -> steps.stream().anyMatch(s -> s.action().equals(action));
        return List.of(
                new Stage("Flagged", did.test("FLAGGED")),
                new Stage("Claimed", did.test("CLAIMED") || did.test("ASSIGNED")),
                new Stage("Verdict", did.test("VERDICT")),
                new Stage("Approval", did.test("APPROVED") || did.test("REJECTED")),
                new Stage("Published", did.test("PUBLISHED")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /**
     * RFC 4180 quoting; a leading =, +, -, @, tab or CR is defused with a ' so a spreadsheet shows the text instead of
     * running it, and a leading ' gets one too, as in the API's export, so one leading ' can always be dropped.
     */
    static String cell(String value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
