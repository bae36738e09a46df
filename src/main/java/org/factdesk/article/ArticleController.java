package org.factdesk.article;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The article API: lists, current text with its corrections, old revisions, and import of new articles. */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    record ArticleSummary(long id, String slug, String headline, String section, int revision, Instant publishedAt,
            Instant updatedAt) {
        static ArticleSummary of(Article a) {
            return new ArticleSummary(a.id(), a.slug(), a.headline(), a.section(), a.currentRevision(),
                    a.publishedAt(), a.updatedAt());
        }
    }

    record Correction(long claimId, CorrectionKind kind, String notice, Instant publishedAt, int revision) {
        static Correction of(ArticleRevision r) {
            return new Correction(r.claimId(), r.kind(), r.notice().full(), r.createdAt(), r.revision());
        }
    }

    record ArticleDetail(long id, String slug, String headline, String section, int revision, Instant publishedAt,
            Instant updatedAt, String body, List<Correction> corrections) {
    }

    /**
     * One revision as it stood: its text, who published it when and for which claim, and the notices readers were
     * shown with it ({@code liveNotices}: this revision's and every earlier one's, never a silent fix's).
     */
    record RevisionView(long articleId, int revision, String headline, String body, Instant createdAt,
            String createdBy, Long claimId, CorrectionKind kind, String notice, List<Correction> liveNotices) {
        static RevisionView of(ArticleRevision r, List<ArticleRevision> live) {
            return new RevisionView(r.articleId(), r.revision(), r.headline(), r.body(), r.createdAt(), r.createdBy(),
                    r.claimId(), r.kind(), r.notice() == null ? null : r.notice().full(),
                    live.stream().map(Correction::of).toList());
        }
    }

    @GetMapping
    List<ArticleSummary> list() {
        return articles.list().stream().map(ArticleSummary::of).toList();
    }

    @GetMapping("/{id}")
    ArticleDetail get(@PathVariable long id) {
        Article a = articles.get(id);
        ArticleRevision current = articles.revision(id, a.currentRevision());
        return new ArticleDetail(a.id(), a.slug(), a.headline(), a.section(), a.currentRevision(), a.publishedAt(),
                a.updatedAt(), current.body(), articles.corrections(id).stream().map(Correction::of).toList());
    }

    @GetMapping("/{id}/revisions/{revision}")
    RevisionView revision(@PathVariable long id, @PathVariable int revision) {
        return RevisionView.of(articles.revision(id, revision), articles.publicNoticesAt(id, revision));
    }

    /**
     * Imports an article sent in the seed format. Without a {@code source} the content's hash names it, so sending
     * the same text twice is answered 409 instead of creating a copy.
     */
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<ArticleSummary> importArticle(@RequestBody byte[] file,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type, @RequestParam(required = false) String source,
            Authentication caller) {
        String text = decode(file, type);
        String name = source == null || source.isBlank() ? "upload-" + sha256(text).substring(0, 16) : source.strip();
        Article article = articles.upload(name, text, caller.getName());
        return ResponseEntity.created(URI.create("/api/articles/" + article.id())).body(ArticleSummary.of(article));
    }

    /**
     * The file as text in its charset (UTF-8 unless the Content-Type names another). Bytes that are not valid in it
     * are refused rather than replaced: a stray half of a surrogate pair, or a Latin-1 file sent as UTF-8, would
     * otherwise be imported as text nobody wrote.
     */
    static String decode(byte[] file, MediaType type) {
        // An unknown charset never gets here: Spring answers it 415 when it reads the Content-Type.
        Charset charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer out = CharBuffer.allocate((int) (file.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw ProblemException.badRequest("invalid-encoding", "The article is not valid " + charset.name()
                    + " text: byte " + in.position() + " starts a sequence that is not a character. Save it as "
                    + "UTF-8 and send it again.");
        }
        return out.flip().toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
